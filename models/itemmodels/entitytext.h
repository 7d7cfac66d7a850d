// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"

#include <QCoreApplication>

namespace Casegraph::Models {

class EntityStore;

/// How views name an entity, a value and what a claim is about, in the words the Inspector uses:
/// a relationship by its two ends, an entity-valued property by the entity's name, a country by
/// its name. Reads through EntityStore, on whichever thread owns the store's case file.
class EntityText {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::EntityText)
public:
    /// A relationship's two ends, "Thermo Fisher Scientific → Xinjiang police"; empty when the
    /// entity is not a relationship.
    static QString ends(const EntityStore &store, const Entity &entity);
    /// "Supply: Thermo Fisher Scientific → Xinjiang police" for a relationship, else the caption.
    static QString label(const EntityStore &store, qint64 rowId);
    /// A country code as "United States (us)"; other text as it is.
    static QString country(const QString &code);
    /// A value as the Inspector shows it: the caption of the entity it names, a country's name.
    static QString value(const EntityStore &store, const QString &schema, const QString &property,
                         const QString &value);
    /// The value a claim is about: "Country: United States (us)"; "the Company itself" for a claim
    /// on the entity as a whole.
    static QString fact(const EntityStore &store, const QString &schema, const QString &property,
                        const QString &value);
    /// What a claim is about: "Thermo Fisher Scientific — Country: United States (us)", or the
    /// entity's label alone for a claim on the entity itself.
    static QString claim(const EntityStore &store, qint64 entityRowId, const QString &property,
                         const QString &value);
};

} // namespace Casegraph::Models
