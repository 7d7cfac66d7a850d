// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schema.h"

#include <QString>

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace Casegraph::Bench {

/// The property `key` of `schema`, looked up once per thread and schema (a QString per value
/// would cost more than the SQLite work the benches measure).
inline const Models::PropertySpec *cachedProperty(const Models::Schema *schema, std::string_view key)
{
    thread_local std::unordered_map<const Models::Schema *, std::unordered_map<std::string, const Models::PropertySpec *>>
        cache;
    auto &specs = cache[schema];
    const auto it = specs.find(std::string(key));
    if (it != specs.end()) {
        return it->second;
    }
    const Models::PropertySpec *spec = schema->property(QString::fromUtf8(key.data(), qsizetype(key.size())));
    specs.emplace(key, spec);
    return spec;
}

/// Calls `fn(property, value, spec)` for every string value of an FtM `properties` object, in
/// file order; `spec` is null for a property `schema` lacks (or when there is no schema).
template <typename Fn>
void forEachFtmValue(const Models::Schema *schema, simdjson::dom::object props, Fn &&fn)
{
    for (auto field : props) {
        const Models::PropertySpec *spec = schema ? cachedProperty(schema, field.key) : nullptr;
        simdjson::dom::array list;
        if (field.value.get(list)) {
            continue;
        }
        for (auto item : list) {
            std::string_view v;
            if (!item.get(v)) {
                fn(field.key, v, spec);
            }
        }
    }
}

} // namespace Casegraph::Bench
