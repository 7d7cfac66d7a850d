// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencedialogs.h"
#include "screenroom.h"
#include "entitypicker.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/entitytext.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/supportstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int QuotePreviewChars = 280;

QLabel *errorLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { color: #8a1f1f; }"));
    label->hide();
    return label;
}

QLabel *quoteLabel(const QString &quote, QWidget *parent) {
    QString shown = quote.simplified();
    if (shown.size() > QuotePreviewChars) {
        shown = shown.left(QuotePreviewChars - 1) + QChar(0x2026);
    }
    auto *label = new QLabel(QStringLiteral("“%1”").arg(shown), parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { background: #fdf6d8; border-left: 3px solid #e0b600; padding: 6px; }"));
    return label;
}

void fillGrades(QComboBox *box, const QList<GradeLevel> &levels, const GradingScheme &scheme, bool reliability) {
    box->addItem(GradingFields::tr("Not graded"), QString());
    for (const auto &level : levels) {
        box->addItem(reliability ? scheme.describeReliability(level.code) : scheme.describeCredibility(level.code),
                     level.code);
    }
}

void select(QComboBox *box, const QString &data) {
    const int i = box->findData(data);
    box->setCurrentIndex(i >= 0 ? i : 0);
}

void showError(QLabel *label, const Error &error) {
    label->setText(error.message);
    label->show();
}
} // namespace

// --- GradingFields ---

GradingFields::GradingFields(const GradingScheme &scheme, QWidget *parent) : QWidget(parent) {
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_stance = new QComboBox(this);
    m_stance->addItem(tr("Supports the claim"), int(Excerpt::Stance::Supports));
    m_stance->addItem(tr("Contradicts the claim"), int(Excerpt::Stance::Contradicts));
    m_reliability = new QComboBox(this);
    fillGrades(m_reliability, scheme.reliability, scheme, true);
    m_credibility = new QComboBox(this);
    fillGrades(m_credibility, scheme.credibility, scheme, false);
    m_status = new QComboBox(this);
    for (const auto &status : ClaimStatus::all()) {
        m_status->addItem(ClaimStatus::label(status), status);
    }
    form->addRow(tr("&Stance:"), m_stance);
    form->addRow(tr("Source &reliability:"), m_reliability);
    form->addRow(tr("Information &credibility:"), m_credibility);
    form->addRow(tr("Claim s&tatus:"), m_status);
    m_reliability->setToolTip(tr("How reliable the source of this passage is, in the case's grading scheme"));
    m_credibility->setToolTip(tr("How credible the information of the claim is, in the case's grading scheme"));
}

void GradingFields::setValues(Excerpt::Stance stance, const QString &reliability, const QString &credibility,
                              const QString &status) {
    m_stance->setCurrentIndex(stance == Excerpt::Stance::Contradicts ? 1 : 0);
    select(m_reliability, reliability);
    select(m_credibility, credibility);
    select(m_status, status.isEmpty() ? ClaimStatus::Unverified : status);
}

Excerpt::Stance GradingFields::stance() const {
    return Excerpt::Stance(m_stance->currentData().toInt());
}
QString GradingFields::reliability() const {
    return m_reliability->currentData().toString();
}
QString GradingFields::credibility() const {
    return m_credibility->currentData().toString();
}
QString GradingFields::status() const {
    return m_status->currentData().toString();
}

// --- AttachExcerptDialog ---

AttachExcerptDialog::AttachExcerptDialog(CaseEditor &editor, const ExcerptAttachment &passage, Mode mode,
                                         QWidget *parent)
    : QDialog(parent), m_editor(editor), m_passage(passage), m_mode(mode) {
    setWindowTitle(mode == Mode::NewEntity ? tr("Create Entity from Selection") : tr("Attach as Excerpt"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(quoteLabel(passage.quote, this));
    auto *form = new QFormLayout;
    if (mode == Mode::NewEntity) {
        m_schema = new QComboBox(this);
        for (const auto &name : CaseEditor::entitySchemata()) {
            const Schema *schema = SchemaRegistry::instance().schema(name);
            if (schema && !schema->isA(QStringLiteral("Document"))) {
                m_schema->addItem(schema->label, name);
            }
        }
        m_name = new QLineEdit(passage.quote.simplified(), this);
        form->addRow(tr("&Type:"), m_schema);
        form->addRow(tr("&Name:"), m_name);
        connect(m_name, &QLineEdit::textChanged, this, &AttachExcerptDialog::updateOk);
    } else {
        m_picker = new EntityPicker(m_editor.caseFile(), this);
        m_value = new QComboBox(this);
        m_claimNote = new QLabel(this);
        m_claimNote->setWordWrap(true);
        m_claimNote->setEnabled(false);
        form->addRow(tr("&About:"), m_picker);
        form->addRow(tr("&Claim:"), m_value);
        form->addRow(QString(), m_claimNote);
        connect(m_picker, &EntityPicker::selectionChanged, this, [this] {
            fillValues();
            updateOk();
        });
        connect(m_value, &QComboBox::currentIndexChanged, this, &AttachExcerptDialog::updateClaim);
    }
    layout->addLayout(form);
    m_grading = new GradingFields(SupportStore(m_editor.caseFile()).gradingScheme(), this);
    m_grading->setValues(passage.stance, passage.reliability, passage.credibility, passage.status);
    layout->addWidget(m_grading);
    auto *commentForm = new QFormLayout;
    m_comment = new QLineEdit(passage.comment, this);
    m_comment->setPlaceholderText(tr("How a vague or relative statement was read (optional)"));
    commentForm->addRow(tr("C&omment:"), m_comment);
    layout->addLayout(commentForm);
    m_error = errorLabel(this);
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::NewEntity ? tr("&Create") : tr("&Attach"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AttachExcerptDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AttachExcerptDialog::reject);
    resizeWithinScreen(this, QSize(560, mode == Mode::NewEntity ? 360 : 600));
    if (m_picker) {
        m_picker->searchField()->setFocus();
    }
    updateOk();
}

void AttachExcerptDialog::setEntity(qint64 rowId, const QString &property, const QString &value) {
    if (!m_picker) {
        return;
    }
    if (const auto row = m_editor.caseFile().entities().row(rowId)) {
        m_picker->setSelected(*row);
        fillValues();
        for (int i = 0; i < m_value->count(); ++i) {
            const QStringList data = m_value->itemData(i).toStringList();
            if (data.value(0) == property && (property.isEmpty() || data.value(1) == value)) {
                m_value->setCurrentIndex(i);
                break;
            }
        }
        updateOk();
    }
}

void AttachExcerptDialog::fillValues() {
    m_value->clear();
    const auto row = m_picker->selected();
    const auto entity = row ? m_editor.caseFile().entities().entity(row->rowId) : std::nullopt;
    if (!entity) {
        updateClaim();
        return;
    }
    const Schema *schema = SchemaRegistry::instance().schema(entity->schema);
    const QString label = schema ? schema->label : entity->schema;
    m_value->addItem(schema && schema->isEdge() ? tr("The %1 relationship itself").arg(label)
                                                : tr("The %1 itself").arg(label),
                     QStringList{QString(), QString()});
    for (const auto &v : entity->values) {
        m_value->addItem(EntityText::fact(m_editor.caseFile().entities(), entity->schema, v.property, v.value),
                         QStringList{v.property, v.value});
    }
    updateClaim();
}

void AttachExcerptDialog::updateClaim() {
    const auto row = m_picker ? m_picker->selected() : std::nullopt;
    if (!row) {
        m_claimNote->setText(tr("Choose the entity or relationship the passage is about."));
        return;
    }
    const QStringList data = m_value->currentData().toStringList();
    SupportStore support(m_editor.caseFile());
    const qint64 claimId = support.findClaim(row->rowId, data.value(0), data.value(1));
    const auto claim = claimId ? support.claim(claimId) : std::nullopt;
    if (claim) {
        m_claimNote->setText(tr("Adds to the existing claim with %n passage(s); its credibility and status "
                                "below apply to the whole claim.",
                                nullptr, int(claim->excerpts.size())));
        m_grading->setValues(m_grading->stance(), m_grading->reliability(), claim->credibility, claim->status);
    } else {
        m_claimNote->setText(tr("Creates a new claim."));
    }
}

void AttachExcerptDialog::updateOk() {
    const bool ok = m_mode == Mode::NewEntity ? !m_name->text().trimmed().isEmpty() : m_picker->selected().has_value();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

ExcerptAttachment AttachExcerptDialog::attachment() const {
    ExcerptAttachment a = m_passage;
    if (m_picker && m_picker->selected()) {
        a.entityRowId = m_picker->selected()->rowId;
        const QStringList data = m_value->currentData().toStringList();
        a.property = data.value(0);
        a.value = data.value(1);
    }
    a.stance = m_grading->stance();
    a.reliability = m_grading->reliability();
    a.credibility = m_grading->credibility();
    a.status = m_grading->status();
    a.comment = m_comment->text().trimmed();
    return a;
}

void AttachExcerptDialog::accept() {
    EvidenceEditor editor(m_editor);
    const ExcerptAttachment attached = attachment();
    const auto result = m_mode == Mode::NewEntity
                            ? editor.createEntityWithExcerpt(m_schema->currentData().toString(), m_name->text(),
                                                             attached)
                            : editor.attachExcerpt(attached);
    if (!result) {
        showError(m_error, result.error());
        return;
    }
    m_resultId = *result;
    m_resultEntity = m_mode == Mode::NewEntity ? *result : attached.entityRowId;
    QDialog::accept();
}

// --- GradePassageDialog ---

GradePassageDialog::GradePassageDialog(CaseEditor &editor, qint64 excerptId, QWidget *parent)
    : QDialog(parent), m_editor(editor), m_excerptId(excerptId) {
    setWindowTitle(tr("Grade Passage"));
    SupportStore support(editor.caseFile());
    const auto x = support.excerpt(excerptId);
    const auto claim = x ? support.claim(x->claimId) : std::nullopt;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(quoteLabel(x ? x->quote : QString(), this));
    if (claim) {
        const QString about =
            EntityText::claim(editor.caseFile().entities(), claim->entityRowId, claim->property, claim->value);
        auto *label = new QLabel(tr("About: %1").arg(about), this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_grading = new GradingFields(support.gradingScheme(), this);
    if (x && claim) {
        m_grading->setValues(x->stance, x->reliability, claim->credibility, claim->status);
    }
    layout->addWidget(m_grading);
    m_error = errorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(claim.has_value());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GradePassageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GradePassageDialog::reject);
    resizeWithinScreen(this, QSize(480, 320));
}

void GradePassageDialog::accept() {
    if (auto st = EvidenceEditor(m_editor).grade(m_excerptId, m_grading->reliability(), m_grading->stance(),
                                                 m_grading->credibility(), m_grading->status());
        !st) {
        showError(m_error, st.error());
        return;
    }
    QDialog::accept();
}

// --- GradingSchemeDialog ---

GradingSchemeDialog::GradingSchemeDialog(CaseEditor &editor, QWidget *parent) : QDialog(parent), m_editor(editor) {
    setWindowTitle(tr("Grading Scheme"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Passages grade their source's reliability; claims grade the credibility of their "
                                "information. Best grade first. Codes are stored with each grade, labels are shown "
                                "beside them."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *presetRow = new QHBoxLayout;
    m_preset = new QComboBox(this);
    m_preset->addItem(tr("Admiralty code (A–F / 1–6)"), QStringLiteral("admiralty"));
    m_preset->addItem(tr("i2 5×5×5 (A–E / 1–5)"), QStringLiteral("i2"));
    m_preset->addItem(tr("Custom"), QStringLiteral("custom"));
    auto *presetLabel = new QLabel(tr("&Preset:"), this);
    presetLabel->setBuddy(m_preset);
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_preset, 1);
    layout->addLayout(presetRow);
    const auto makeTable = [this](const QString &title) {
        auto *table = new QTableWidget(0, 2, this);
        table->setHorizontalHeaderLabels({tr("Code"), tr("Label")});
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        table->verticalHeader()->hide();
        table->setAccessibleName(title);
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling) {
                m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("custom")));
            }
        });
        return table;
    };
    m_reliability = makeTable(tr("Source reliability"));
    m_credibility = makeTable(tr("Information credibility"));
    for (auto [title, table] : {std::pair{tr("Source &reliability (per passage)"), m_reliability},
                                std::pair{tr("Information &credibility (per claim)"), m_credibility}}) {
        auto *label = new QLabel(title, this);
        label->setBuddy(table);
        layout->addWidget(label);
        layout->addWidget(table, 1);
        auto *row = new QHBoxLayout;
        // Two rows of the same buttons: their accessible names and tips say which table they edit.
        auto *add = new QPushButton(tr("Add Level"), this);
        add->setAccessibleName(tr("Add a level to %1").arg(table->accessibleName()));
        add->setToolTip(add->accessibleName());
        auto *remove = new QPushButton(tr("Remove Level"), this);
        remove->setAccessibleName(tr("Remove the current level of %1").arg(table->accessibleName()));
        remove->setToolTip(remove->accessibleName());
        row->addStretch(1);
        row->addWidget(add);
        row->addWidget(remove);
        layout->addLayout(row);
        connect(add, &QPushButton::clicked, this, [table] {
            table->insertRow(table->rowCount());
            table->setItem(table->rowCount() - 1, 0, new QTableWidgetItem);
            table->setItem(table->rowCount() - 1, 1, new QTableWidgetItem);
            table->editItem(table->item(table->rowCount() - 1, 0));
        });
        connect(remove, &QPushButton::clicked, this, [table] {
            if (table->rowCount() > 1) {
                table->removeRow(table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1);
            }
        });
    }
    m_error = errorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GradingSchemeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GradingSchemeDialog::reject);
    connect(m_preset, &QComboBox::activated, this, [this] {
        const QString name = m_preset->currentData().toString();
        if (name == QLatin1String("admiralty")) {
            setScheme(GradingScheme::admiralty());
        } else if (name == QLatin1String("i2")) {
            setScheme(GradingScheme::i2());
        }
    });
    setScheme(SupportStore(editor.caseFile()).gradingScheme());
    resizeWithinScreen(this, QSize(560, 640));
}

void GradingSchemeDialog::fill(QTableWidget *table, const QList<GradeLevel> &levels) {
    table->setRowCount(int(levels.size()));
    for (int i = 0; i < levels.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(levels.at(i).code));
        table->setItem(i, 1, new QTableWidgetItem(levels.at(i).label));
    }
}

QList<GradeLevel> GradingSchemeDialog::levels(const QTableWidget *table) {
    QList<GradeLevel> out;
    for (int i = 0; i < table->rowCount(); ++i) {
        const auto *code = table->item(i, 0);
        const auto *label = table->item(i, 1);
        out.append({code ? code->text().trimmed() : QString(), label ? label->text().trimmed() : QString()});
    }
    return out;
}

void GradingSchemeDialog::setScheme(const GradingScheme &scheme) {
    m_filling = true;
    fill(m_reliability, scheme.reliability);
    fill(m_credibility, scheme.credibility);
    const int preset = m_preset->findData(scheme.name);
    m_preset->setCurrentIndex(preset >= 0 ? preset : m_preset->findData(QStringLiteral("custom")));
    m_filling = false;
}

GradingScheme GradingSchemeDialog::scheme() const {
    GradingScheme s;
    s.name = m_preset->currentData().toString();
    s.reliability = levels(m_reliability);
    s.credibility = levels(m_credibility);
    return s;
}

void GradingSchemeDialog::accept() {
    if (auto st = EvidenceEditor(m_editor).setGradingScheme(scheme()); !st) {
        showError(m_error, st.error());
        return;
    }
    QDialog::accept();
}

} // namespace Casegraph::Ui
