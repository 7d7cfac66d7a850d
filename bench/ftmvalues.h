// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schema.h"

#include <QString>

#include <simdjson.h>

#include <string_view>

namespace Casegraph::Bench {

/// Calls `fn(property, value, spec)` for every string value of an FtM `properties` object, in
/// file order; `spec` is null for a property `schema` lacks (or when there is no schema).
template <typename Fn>
void forEachFtmValue(const Models::Schema *schema, simdjson::dom::object props, Fn &&fn)
{
    for (auto field : props) {
        const Models::PropertySpec *spec =
            schema ? schema->property(QString::fromUtf8(field.key.data(), qsizetype(field.key.size()))) : nullptr;
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
