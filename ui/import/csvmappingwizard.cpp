// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvmappingwizard.h"
#include "screenroom.h"
#include "entitymappingeditor.h"

#include "core/schema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {

constexpr int PreviewRows = 20;
const QString FirstKey = QStringLiteral("first");
const QString SecondKey = QStringLiteral("second");

/// A page whose Next button waits for `ready`.
class CheckedPage final : public QWizardPage {
public:
    explicit CheckedPage(std::function<bool()> ready) : m_ready(std::move(ready)) {}
    bool isComplete() const override { return m_ready(); }
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_ready;
};

QString delimiterName(char c) {
    switch (c) {
    case ',':
        return CsvMappingWizard::tr("comma");
    case ';':
        return CsvMappingWizard::tr("semicolon");
    case '\t':
        return CsvMappingWizard::tr("tab");
    case '|':
        return CsvMappingWizard::tr("vertical bar");
    default:
        return QString(QLatin1Char(c));
    }
}

QString quoteName(char c) {
    return c == '"' ? CsvMappingWizard::tr("double quotes")
                    : c == '\'' ? CsvMappingWizard::tr("single quotes") : CsvMappingWizard::tr("no quoting");
}

} // namespace

CsvMappingWizard::CsvMappingWizard(const QString &csvPath, QWidget *parent) : QWizard(parent), m_path(csvPath) {
    setWindowTitle(tr("Import %1").arg(QFileInfo(csvPath).fileName()));
    setObjectName(QStringLiteral("CsvMappingWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    setPage(ReadingPage, makeReadingPage());
    setPage(EntityPage, makeEntityPage());
    setPage(RelationshipPage, makeRelationshipPage());
    setPage(SummaryPage, makeSummaryPage());
    resizeWithinScreen(this, QSize(1100, 720));
    reread();
}

CsvMappingWizard::~CsvMappingWizard() = default;

QWizardPage *CsvMappingWizard::makeReadingPage() {
    auto *page = new QWizardPage;
    page->setTitle(tr("How to read %1").arg(QFileInfo(m_path).fileName()));
    page->setSubTitle(tr("Automatic settings are usually right; change one if the preview looks wrong."));

    m_encoding = new QComboBox(page);
    m_encoding->addItem(tr("Detect"), QStringLiteral("auto"));
    for (const char *e : {"UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-2", "windows-1251", "KOI8-R",
                          "GB18030", "Big5", "Shift_JIS", "EUC-KR"}) {
        m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
    }
    m_delimiter = new QComboBox(page);
    m_delimiter->addItem(tr("Detect"), QStringLiteral("auto"));
    m_delimiter->addItem(tr("Comma ,"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("tab"));
    m_delimiter->addItem(tr("Vertical bar |"), QStringLiteral("|"));
    m_quote = new QComboBox(page);
    m_quote->addItem(tr("Detect"), QStringLiteral("auto"));
    m_quote->addItem(tr("Double quotes \""), QStringLiteral("\""));
    m_quote->addItem(tr("Single quotes '"), QStringLiteral("'"));
    m_quote->addItem(tr("None"), QStringLiteral("none"));
    m_header = new QCheckBox(tr("The first row names the &columns"), page);
    m_header->setChecked(true);
    m_skipRows = new QSpinBox(page);
    m_skipRows->setRange(0, 1000);
    m_skipRows->setToolTip(tr("Rows before the header, such as a title in a spreadsheet export"));
    m_detected = new QLabel(page);
    m_detected->setWordWrap(true);
    m_detected->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QHBoxLayout;
    auto *left = new QFormLayout;
    left->addRow(tr("&Encoding:"), m_encoding);
    left->addRow(tr("&Delimiter:"), m_delimiter);
    left->addRow(tr("&Quotes:"), m_quote);
    auto *right = new QFormLayout;
    right->addRow(m_header);
    right->addRow(tr("&Skip rows before the header:"), m_skipRows);
    grid->addLayout(left);
    grid->addSpacing(24);
    grid->addLayout(right);
    grid->addStretch();

    m_previewTable = new QTableWidget(page);
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->setAccessibleName(tr("Preview of the first rows"));
    m_previewTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewTable->setWordWrap(false);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(grid);
    layout->addWidget(m_detected);
    layout->addWidget(m_previewTable, 1);

    for (QComboBox *c : {m_encoding, m_delimiter, m_quote}) {
        connect(c, &QComboBox::currentIndexChanged, this, &CsvMappingWizard::reread);
    }
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_headerChosen = true;
        reread();
    });
    connect(m_skipRows, &QSpinBox::valueChanged, this, &CsvMappingWizard::reread);
    return page;
}

QWizardPage *CsvMappingWizard::makeEntityPage() {
    m_first = new EntityMappingEditor(EntityMappingEditor::Mode::Entity);
    auto *page = new CheckedPage([this] { return m_first->mappedCount() > 0; });
    page->setTitle(tr("The entity each row describes"));
    page->setSubTitle(tr("Choose its schema and a property for each column to import. Without an id column, equal "
                         "values give the same entity, so importing again merges instead of duplicating."));
    m_first->setParent(page);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_first);
    connect(m_first, &EntityMappingEditor::changed, page, &CheckedPage::recheck);
    return page;
}

QWizardPage *CsvMappingWizard::makeRelationshipPage() {
    m_second = new EntityMappingEditor(EntityMappingEditor::Mode::Entity);
    m_relationship = new EntityMappingEditor(EntityMappingEditor::Mode::Relationship);
    auto *page = new CheckedPage(
        [this] { return !m_secondGroup->isChecked() || m_second->mappedCount() > 0; });
    page->setTitle(tr("A second entity and a relationship (optional)"));
    page->setSubTitle(tr("For rows that link two parties, e.g. owner, company and share: a Company, a Company and "
                         "an Ownership with percentage ← share."));
    m_secondGroup = new QGroupBox(tr("Each row &also names a second entity, linked to the first"), page);
    m_secondGroup->setCheckable(true);
    m_secondGroup->setChecked(false);
    // The two tables take the page's height (QWizard tops a page that does not expand with blank space).
    m_secondGroup->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    auto *splitter = new QSplitter(Qt::Horizontal, m_secondGroup);
    auto *secondBox = new QGroupBox(tr("Second entity"), splitter);
    (new QVBoxLayout(secondBox))->addWidget(m_second);
    auto *relBox = new QGroupBox(tr("Relationship between the two"), splitter);
    (new QVBoxLayout(relBox))->addWidget(m_relationship);
    splitter->addWidget(secondBox);
    splitter->addWidget(relBox);
    (new QVBoxLayout(m_secondGroup))->addWidget(splitter);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_secondGroup);
    m_relationship->setSchema(QStringLiteral("Ownership"));
    m_second->setSchema(QStringLiteral("Company"));
    connect(m_second, &EntityMappingEditor::changed, page, &CheckedPage::recheck);
    connect(m_secondGroup, &QGroupBox::toggled, page, &CheckedPage::recheck);
    return page;
}

QWizardPage *CsvMappingWizard::makeSummaryPage() {
    auto *page = new QWizardPage;
    page->setTitle(tr("Check and import"));
    page->setSubTitle(tr("Save the mapping to import more files of this shape, here or with "
                         "casegraph-cli import --mapping."));
    m_summary = new QLabel(page);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check = new QLabel(page);
    m_check->setWordWrap(true);
    m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json = new QPlainTextEdit(page);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setAccessibleName(tr("The mapping as JSON"));
    m_save = new QPushButton(tr("&Save Mapping…"), page);
    m_lenient = new QCheckBox(tr("&Lenient: import the good rows and list the rejected ones in a report"), page);
    auto *row = new QHBoxLayout;
    row->addWidget(m_lenient, 1);
    row->addWidget(m_save);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addWidget(m_check);
    layout->addWidget(m_json, 1);
    layout->addLayout(row);
    connect(m_save, &QPushButton::clicked, this, &CsvMappingWizard::chooseSavePath);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == EntityPage || id == RelationshipPage) {
            // Columns may have changed on page 1; choices are kept by column name.
            if (m_first->columns() != m_preview.header) {
                for (EntityMappingEditor *e : {m_first, m_second, m_relationship}) {
                    e->setColumns(m_preview.header, m_preview.rows);
                }
            }
        } else if (id == SummaryPage) {
            updateSummary();
        }
    });
    return page;
}

CsvMapping CsvMappingWizard::readingSettings() const {
    CsvMapping m;
    m.encoding = m_encoding->currentData().toString();
    m.delimiter = m_delimiter->currentData().toString();
    m.quote = m_quote->currentData().toString();
    m.header = m_header->isChecked();
    m.skipRows = m_skipRows->value();
    return m;
}

void CsvMappingWizard::reread() {
    if (!m_headerChosen) {
        // Guess from the rows as they read without a header, e.g. OFAC's CSVs start with data.
        CsvMapping raw = readingSettings();
        raw.header = false;
        if (const auto rows = CsvPreview::read(m_path, raw, PreviewRows)) {
            const QSignalBlocker blocker(m_header);
            m_header->setChecked(CsvPreview::firstRowIsHeader(rows->rows));
        }
    }
    auto preview = CsvPreview::read(m_path, readingSettings(), PreviewRows);
    m_previewTable->clear();
    if (!preview) {
        m_preview = CsvPreview{};
        m_previewTable->setRowCount(0);
        m_previewTable->setColumnCount(0);
        m_detected->setText(preview.error().toString());
        return;
    }
    m_preview = *preview;
    const auto &layout = m_preview.layout;
    QString detected = tr("Reading as %1, %2-separated, %3.")
                           .arg(layout.detection.encoding, delimiterName(layout.dialect.delimiter),
                                quoteName(layout.dialect.quote));
    if (layout.detection.bomBytes > 0) {
        detected += QLatin1Char(' ') + tr("The file starts with a byte order mark.");
    }
    const int shown = int(m_preview.rows.size());
    detected += QLatin1Char(' ') + (m_preview.complete ? tr("The whole file: %n rows.", nullptr, shown)
                                                       : tr("The first %n rows:", nullptr, shown));
    if (!m_preview.error.message.isEmpty()) {
        detected += QLatin1Char('\n') + m_preview.error.toString();
    }
    m_detected->setText(detected);
    m_previewTable->setColumnCount(int(m_preview.header.size()));
    m_previewTable->setHorizontalHeaderLabels(m_preview.header);
    m_previewTable->setRowCount(int(m_preview.rows.size()));
    for (int r = 0; r < m_preview.rows.size(); ++r) {
        const QStringList &row = m_preview.rows.at(r);
        if (row.size() > m_previewTable->columnCount()) {
            m_previewTable->setColumnCount(int(row.size()));
        }
        for (int c = 0; c < row.size(); ++c) {
            auto *item = new QTableWidgetItem(row.at(c));
            item->setToolTip(row.at(c));
            m_previewTable->setItem(r, c, item);
        }
    }
    m_previewTable->resizeColumnsToContents();
    for (int c = 0; c < m_previewTable->columnCount(); ++c) {
        m_previewTable->setColumnWidth(c, qMin(m_previewTable->columnWidth(c), 260));
    }
}

CsvMapping CsvMappingWizard::mapping() const {
    CsvMapping m = readingSettings();
    m.entities << m_first->target(FirstKey);
    if (m_secondGroup->isChecked()) {
        m.entities << m_second->target(SecondKey);
        m.entities << m_relationship->target(QStringLiteral("link"), FirstKey, SecondKey);
    }
    return m;
}

bool CsvMappingWizard::isLenient() const {
    return m_lenient->isChecked();
}

void CsvMappingWizard::updateSummary() {
    QStringList lines{tr("Each row gives:"), QStringLiteral("• ") + m_first->describe()};
    if (m_secondGroup->isChecked()) {
        lines << QStringLiteral("• ") + m_second->describe() << QStringLiteral("• ") + m_relationship->describe();
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    CsvMapping m = mapping();
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m.toJson()).toJson(QJsonDocument::Indented)));

    // Try the mapping on the preview rows, so that a mistake shows before the import.
    const QStringList header = m.header ? m_preview.header : QStringList();
    qsizetype width = m_preview.header.size();
    if (auto st = m.resolve(header, width, m_path); !st) {
        m_check->setText(tr("⚠ %1").arg(st.error().message));
        return;
    }
    QSet<QString> entities; // distinct ids: rows that name the same party give one entity
    QSet<QString> relationships;
    for (int r = 0; r < m_preview.rows.size(); ++r) {
        QList<Entity> out;
        if (auto st = m.apply(m_preview.rows.at(r), false, out); !st) {
            m_check->setText(tr("⚠ Row %1, column %2: %3 (a strict import stops there; a lenient one skips the row)")
                                 .arg(r + 1)
                                 .arg(st.error().column)
                                 .arg(st.error().message));
            return;
        }
        for (const Entity &e : std::as_const(out)) {
            const Schema *s = SchemaRegistry::instance().schema(e.schema);
            (s && s->isEdge() ? relationships : entities).insert(e.id);
        }
    }
    // Each count its own plural: "1 entity", "1 relationship".
    m_check->setText(tr("✓ The %n rows of the preview give %1 and %2.", nullptr, int(m_preview.rows.size()))
                         .arg(tr("%n entities", nullptr, int(entities.size())),
                              tr("%n relationships", nullptr, int(relationships.size()))));
}

void CsvMappingWizard::chooseSavePath() {
    const QFileInfo csv(m_path);
    const QString suggested = m_savedPath.isEmpty() ? csv.absoluteDir().filePath(csv.completeBaseName() +
                                                                                 QLatin1String(".mapping.json"))
                                                    : m_savedPath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Mapping"), suggested,
                                                      tr("Column mappings (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto st = saveMapping(path); !st) {
        QMessageBox::warning(this, tr("Cannot save the mapping"), st.error().toString());
    }
}

Status CsvMappingWizard::saveMapping(const QString &path) {
    if (auto st = mapping().save(path); !st) {
        return st;
    }
    m_savedPath = path;
    m_save->setToolTip(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

} // namespace Casegraph::Ui
