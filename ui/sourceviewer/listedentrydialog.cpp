// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listedentrydialog.h"
#include "screenroom.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/provenancetext.h"
#include "screening/referencelists.h"
#include "screening/screener.h"
#include "storage/casefile.h"
#include "storage/referenceliststore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int RowIdRole = Qt::UserRole;
constexpr int MaxValuesShown = 12;

/// "Label: value; value" rows of an entity's properties, in the schema's order of first use.
QString propertyRows(const Entity &e, const QStringList &skip = {}) {
    const Schema *schema = SchemaRegistry::instance().schema(e.schema);
    QStringList order;
    for (const auto &v : e.values) {
        if (!order.contains(v.property) && !skip.contains(v.property)) {
            order << v.property;
        }
    }
    if (order.removeOne(QStringLiteral("name"))) {
        order.prepend(QStringLiteral("name")); // the name first, then aliases and the rest
    }
    QString rows;
    for (const QString &prop : std::as_const(order)) {
        const PropertySpec *spec = schema ? schema->property(prop) : nullptr;
        if (spec && spec->type == PropertyType::Entity) {
            continue; // ids of other list records say nothing here
        }
        QStringList values = e.valuesOf(prop);
        if (values.size() > MaxValuesShown) {
            const qsizetype more = values.size() - MaxValuesShown;
            values = values.mid(0, MaxValuesShown);
            values << ListedEntryDialog::tr("… %n more", nullptr, int(more));
        }
        rows += QStringLiteral("<tr><td style=\"color:#5f6368; padding-right:8px\">%1</td><td>%2</td></tr>")
                    .arg((spec ? spec->label : prop).toHtmlEscaped(), values.join(QStringLiteral("; ")).toHtmlEscaped());
    }
    return rows;
}
} // namespace

ListedEntryDialog::ListedEntryDialog(CaseFile &caseFile, CaseEditor *editor, const ListedName &entry,
                                     const std::optional<ExcerptAttachment> &passage, QWidget *parent)
    : QDialog(parent), m_case(caseFile), m_editor(editor), m_ref(entry), m_passage(passage) {
    setObjectName(QStringLiteral("ListedEntryDialog"));
    setWindowTitle(tr("Listed: %1").arg(entry.caption));
    auto *layout = new QVBoxLayout(this);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setAccessibleName(tr("Listed entry"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_details);
    layout->addWidget(scroll, 2);

    m_candidates = new QTreeWidget(this);
    m_candidates->setRootIsDecorated(false);
    m_candidates->setHeaderLabels({tr("Case entity"), tr("Score"), tr("Why")});
    m_candidates->header()->setStretchLastSection(true);
    m_candidates->setAccessibleName(tr("Case entities that may be this listed party"));
    m_candidates->hide();
    layout->addWidget(m_candidates, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_create = buttons->addButton(tr("&Create Entity from It"), QDialogButtonBox::ActionRole);
    m_create->setToolTip(tr("Copy this listed party (names, countries, identifiers) into the case, with the "
                            "passage that names it attached"));
    m_create->setEnabled(m_editor && !m_case.isReadOnly() && m_passage.has_value());
    m_screen = buttons->addButton(tr("&Screen Against the Case"), QDialogButtonBox::ActionRole);
    m_screen->setToolTip(tr("Compare this listed party with every person, company and vessel of the case"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] {
        if (const qint64 row = createEntity()) {
            Q_EMIT entityActivated(row);
            accept();
        }
    });
    connect(m_screen, &QPushButton::clicked, this, &ListedEntryDialog::screen);
    connect(m_candidates, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT entityActivated(item->data(0, RowIdRole).toLongLong());
    });
    fillDetails();
    resizeWithinScreen(this, QSize(620, 520));
}

ListedEntryDialog::~ListedEntryDialog() = default;

void ListedEntryDialog::fillDetails() {
    const auto entry = m_case.referenceLists().entry(m_ref.versionId, m_ref.entryId);
    const auto version = m_case.referenceLists().version(m_ref.versionId);
    if (!entry || !version) {
        m_details->setText(tr("This list entry is no longer in the case."));
        m_create->setEnabled(false);
        m_screen->setEnabled(false);
        return;
    }
    const Entity party = ReferenceListLoader::entity(*entry);
    const Schema *schema = SchemaRegistry::instance().schema(party.schema);
    QString html = QStringLiteral("<div style=\"font-size:large; font-weight:bold\">%1</div>"
                                  "<div style=\"color:#5f6368\">%2</div>")
                       .arg(entry->caption.toHtmlEscaped(),
                            tr("%1 listed in %2").arg(schema ? schema->label : party.schema, m_ref.listName).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">") + propertyRows(party) +
            QStringLiteral("</table>");
    const QList<Entity> sanctions = ReferenceListLoader::sanctions(*entry);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Sanctions and programmes (%1)").arg(sanctions.size()).toHtmlEscaped());
    if (sanctions.isEmpty() && !entry->program.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(entry->program.toHtmlEscaped());
    }
    for (const Entity &s : sanctions) {
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\" style=\"margin-bottom:6px\">") +
                propertyRows(s) + QStringLiteral("</table>");
    }
    html += QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"1\">").arg(tr("List version").toHtmlEscaped());
    const auto row = [](const QString &label, const QString &value) -> QString {
        return QStringLiteral("<tr><td style=\"color:#5f6368; padding-right:8px\">%1</td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    html += row(tr("List"), version->listName) + row(tr("File"), version->fileName) +
            row(tr("Loaded"), tr("%1 by %2").arg(ProvenanceText::time(version->loadedAt), version->loadedBy)) +
            row(tr("SHA-256"), version->sha256) + row(tr("Entry id"), entry->id) + QStringLiteral("</table>");
    m_details->setText(html);
}

qint64 ListedEntryDialog::createEntity() {
    if (!m_editor || !m_passage) {
        return 0;
    }
    const auto entry = m_case.referenceLists().entry(m_ref.versionId, m_ref.entryId);
    if (!entry) {
        return 0;
    }
    Entity party = ReferenceListLoader::entity(*entry);
    party.id.clear(); // a case entity of its own; the list keeps its record apart
    party.rowId = 0;
    for (auto &v : party.values) {
        v.id = 0;
        v.provenanceId = 0;
    }
    // Entity references point at records of the list, not of the case.
    const Schema *schema = SchemaRegistry::instance().schema(party.schema);
    party.values.removeIf([schema](const PropertyValue &v) {
        const PropertySpec *spec = schema ? schema->property(v.property) : nullptr;
        return spec && spec->type == PropertyType::Entity;
    });
    ExcerptAttachment passage = *m_passage;
    passage.comment = tr("Named in the text; created from the entry %1 of %2").arg(m_ref.entryId, m_ref.listName);
    const auto created = EvidenceEditor(*m_editor).createEntityWithExcerpt(party, passage);
    if (!created) {
        QMessageBox::warning(this, windowTitle(), tr("Could not create the entity: %1").arg(created.error().message));
        return 0;
    }
    return *created;
}

void ListedEntryDialog::screen() {
    if (m_running) {
        return;
    }
    m_running = true;
    m_screen->setEnabled(false);
    m_candidates->clear();
    m_candidates->show();
    m_status->setText(tr("Screening the case's parties…"));
    struct Outcome {
        QList<Candidate> candidates;
        QHash<QString, QPair<qint64, QString>> parties; ///< FtM id → row id, caption
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString path = m_case.path();
    const ListedName ref = m_ref;
    // The case's parties become the "list" and the entry the query: one entry against every
    // party, off the GUI thread with its own connection (a case may hold a million parties).
    // Closing the dialog cancels it between its steps and waits for it.
    const auto cancelled = m_runs.begin();
    const auto post = WorkerRuns::poster(this, [](ListedEntryDialog &d) -> WorkerRuns & { return d.m_runs; });
    m_runs.start([path, ref, outcome, cancelled, post] {
        [&] {
            CaseFile reader;
            if (auto st = reader.open(path, CaseFile::OpenMode::ReadOnly); !st) {
                outcome->error = st.error().message;
                return;
            }
            const auto entry = reader.referenceLists().entry(ref.versionId, ref.entryId);
            if (!entry) {
                outcome->error = ListedEntryDialog::tr("the entry is no longer in the case");
                return;
            }
            QList<ScreeningRecord> records;
            for (const Entity &e : CaseScreening::parties(reader)) {
                records << ScreeningRecord::fromEntity(e);
                outcome->parties.insert(e.id, {e.rowId, e.caption});
            }
            if (cancelled->load()) {
                return;
            }
            Screener screener;
            screener.setList(records, 1);
            if (cancelled->load()) {
                return;
            }
            outcome->candidates = screener.screen(ScreeningRecord::fromEntity(ReferenceListLoader::entity(*entry)));
        }();
        if (cancelled->load()) {
            return;
        }
        post([outcome](ListedEntryDialog &d) {
            d.m_runs.finished();
            d.m_running = false;
            d.m_screen->setEnabled(true);
            if (!outcome->error.isEmpty()) {
                d.m_status->setText(tr("Screening failed: %1").arg(outcome->error));
                Q_EMIT d.screeningFinished();
                return;
            }
            const QLocale locale;
            for (const Candidate &c : std::as_const(outcome->candidates)) {
                const auto party = outcome->parties.value(c.entryId);
                auto *item = new QTreeWidgetItem(d.m_candidates);
                item->setText(0, party.second.isEmpty() ? c.entryCaption : party.second);
                item->setText(1, locale.toString(c.score, 'f', 2));
                item->setText(2, c.explanation().simplified());
                item->setToolTip(2, c.explanation());
                item->setData(0, RowIdRole, party.first);
            }
            d.m_candidates->resizeColumnToContents(0);
            d.m_status->setText(outcome->candidates.isEmpty()
                                    ? tr("No party of the case resembles this listed party.")
                                    : tr("%n case entities may be this listed party (double-click to open one). "
                                         "Record a decision with Analysis → Screen….",
                                         nullptr, int(outcome->candidates.size())));
            Q_EMIT d.screeningFinished();
        });
    });
}

} // namespace Casegraph::Ui
