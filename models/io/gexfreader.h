// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphxmlreader.h"

namespace Casegraph::Models {

/// Reads GEXF 1.1, 1.2 and 1.3 (Gephi, NetworkX), in any of the namespaces seen in the wild
/// (http://www.gexf.net/1.2draft, http://gexf.net/1.3, http://www.gexf.net/1.3) or none.
/// Attributes may be declared with numeric ids ("0".."8") or names; their titles are what the
/// mapping sees. Declared defaults apply to elements without a value. Nested nodes (hierarchies)
/// are read as plain nodes; viz: data (colours, positions) is ignored. See GraphXmlReader for
/// how elements become entities.
class GexfReader final : public GraphXmlReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GexfReader)
public:
    explicit GexfReader(bool lenient = false);

    /// Format sniffer: 95 when the root element is <gexf>, 40 for a .gexf name alone.
    static int sniff(const QString &path, const QByteArray &head);

protected:
    QStringView rootElement() const override;
    QString formatName() const override;
    void startElement() override;
    void finishElement() override;
    void endOtherElement(QStringView name) override;
    void reset() override;

private:
    struct Attribute {
        QString title;
        bool list = false;
        QString defaultValue;
    };

    QString m_class; ///< "node" or "edge", inside <attributes>
    QHash<QString, Attribute> m_nodeAttributes, m_edgeAttributes;
    QString m_attributeId;  ///< the <attribute> whose <default> comes next
};

} // namespace Casegraph::Models
