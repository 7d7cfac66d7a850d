// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphxmlreader.h"

namespace Casegraph::Models {

/// Reads GraphML (yEd, Cytoscape, NetworkX, igraph, Gephi): <key> declarations with attr.name
/// and defaults, <data> values, nested graphs (read as plain nodes) and edges before or after
/// their nodes. A key named "label" gives the element's label and "weight" its weight; yEd's
/// NodeLabel/EdgeLabel graphics give the label too. Keys marked casegraph.list="true" (our
/// exporter's multi-valued properties) hold a JSON array. Hyperedges are bad records; ports are
/// ignored. See GraphXmlReader for how elements become entities.
class GraphmlReader final : public GraphXmlReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphmlReader)
public:
    explicit GraphmlReader(bool lenient = false);

    /// Format sniffer: 95 when the root element is <graphml>, 40 for a .graphml name alone.
    static int sniff(const QString &path, const QByteArray &head);

protected:
    QStringView rootElement() const override;
    QString formatName() const override;
    void startElement() override;
    void finishElement() override;
    void endOtherElement(QStringView name) override;
    void reset() override;

private:
    struct Key {
        QString name;
        QString domain; ///< node, edge, graph, all
        QString yfiles; ///< yfiles.type, e.g. nodegraphics
        bool list = false;
        QString defaultValue;
    };
    void readData();

    QHash<QString, Key> m_keys;
    QString m_keyId; ///< the <key> whose <default> comes next
};

} // namespace Casegraph::Models
