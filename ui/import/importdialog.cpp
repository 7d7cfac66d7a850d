// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"
#include "screenroom.h"

#include "io/csvmapping.h"
#include "io/csvpreview.h"
#include "io/recordreader.h"
#include "screening/referencelists.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const QString FolderKey = QStringLiteral("import/lastFolder");
constexpr int FormatRole = Qt::UserRole + 1;  ///< detected format name of a file item
constexpr int IdSchemaRole = Qt::UserRole + 2; ///< a CSV item's header has id and schema columns

/// Whether a CSV's header names "id" and "schema" columns, as the importer needs without a
/// mapping (CsvReader); true when it cannot tell (the import then says what is wrong).
bool hasIdAndSchemaColumns(const QString &path) {
    const auto preview = CsvPreview::read(path, CsvMapping{}, 1);
    if (!preview) {
        return true;
    }
    bool id = false;
    bool schema = false;
    for (const QString &h : preview->header) {
        id = id || h.trimmed().compare(QLatin1String("id"), Qt::CaseInsensitive) == 0;
        schema = schema || h.trimmed().compare(QLatin1String("schema"), Qt::CaseInsensitive) == 0;
    }
    return id && schema;
}

const ImportFormat *formatNamed(const QString &name) {
    for (const auto &f : importFormats()) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}
} // namespace

QString importFileFilter() {
    QStringList all;
    QStringList filters;
    for (const auto &f : importFormats()) {
        filters << QStringLiteral("%1 (%2)").arg(f.description, f.patterns.join(QLatin1Char(' ')));
        for (const QString &p : f.patterns) {
            if (!all.contains(p)) {
                all << p;
            }
        }
    }
    filters.prepend(ImportDialog::tr("Importable files (%1)").arg(all.join(QLatin1Char(' '))));
    filters << ImportDialog::tr("All files (*)");
    return filters.join(QLatin1String(";;"));
}

ImportDialog::ImportDialog(const QString &casePath, QWidget *parent) : QDialog(parent), m_casePath(casePath) {
    setWindowTitle(tr("Import"));
    setObjectName(QStringLiteral("ImportDialog"));
    setAcceptDrops(false);

    m_files = new QListWidget(this);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setAccessibleName(tr("Files to import"));
    m_files->setMinimumHeight(110);
    auto *add = new QPushButton(tr("&Add Files…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);

    m_format = new QComboBox(this);
    m_format->addItem(tr("Detect from each file"), QString());
    for (const auto &f : importFormats()) {
        m_format->addItem(QStringLiteral("%1 — %2").arg(f.name, f.description), f.name);
    }
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_format->setMinimumContentsLength(40);

    m_mappingRow = new QWidget(this);
    m_mapping = new QLineEdit(m_mappingRow);
    m_mapping->setPlaceholderText(tr("none: the CSV needs id and schema columns"));
    m_mapping->setClearButtonEnabled(true);
    auto *mappingBrowse = new QPushButton(tr("Choose…"), m_mappingRow);
    auto *wizard = new QPushButton(tr("Create &Mapping…"), m_mappingRow);
    wizard->setToolTip(tr("Map the columns of a CSV file to entities and relationships, with a preview"));
    auto *mappingLayout = new QHBoxLayout(m_mappingRow);
    mappingLayout->setContentsMargins(0, 0, 0, 0);
    mappingLayout->addWidget(m_mapping, 1);
    mappingLayout->addWidget(mappingBrowse);
    mappingLayout->addWidget(wizard);

    m_lenient = new QCheckBox(tr("&Lenient: import the good records and list the rejected ones in a report"), this);
    m_lenient->setToolTip(tr("Strict (the default): the first bad record stops the import and the case stays as it "
                             "was"));
    auto *reportRow = new QWidget(this);
    m_report = new QLineEdit(reportRow);
    m_report->setClearButtonEnabled(true);
    m_reportBrowse = new QPushButton(tr("Choose…"), reportRow);
    auto *reportLayout = new QHBoxLayout(reportRow);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    reportLayout->addWidget(m_report, 1);
    reportLayout->addWidget(m_reportBrowse);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_listNote = new QLabel(this);
    m_listNote->setWordWrap(true);
    m_listNote->setObjectName(QStringLiteral("listNote"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    m_mappingLabel = new QLabel(tr("CSV ma&pping:"), this);
    m_mappingLabel->setBuddy(m_mapping);
    form->addRow(m_mappingLabel, m_mappingRow);
    form->addRow(QString(), m_lenient);
    auto *reportLabel = new QLabel(tr("Rep&ort:"), this);
    reportLabel->setBuddy(m_report);
    form->addRow(reportLabel, reportRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    auto *filesLabel = new QLabel(tr("Fil&es, imported in order, each in one step: a bad record in strict mode "
                                     "leaves the case as it was before that file and stops there; Cancel stops the "
                                     "file being imported and the ones after it, and the files already imported "
                                     "stay:"),
                                  this);
    filesLabel->setWordWrap(true);
    filesLabel->setBuddy(m_files);
    layout->addWidget(filesLabel);
    layout->addLayout(fileRow, 1);
    layout->addLayout(form);
    layout->addWidget(m_listNote);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resizeWithinScreen(this, QSize(760, 440));

    connect(add, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &ImportDialog::removeFiles);
    connect(mappingBrowse, &QPushButton::clicked, this, &ImportDialog::chooseMapping);
    connect(wizard, &QPushButton::clicked, this, [this] { done(WizardRequested); });
    connect(m_reportBrowse, &QPushButton::clicked, this, &ImportDialog::chooseReport);
    connect(m_files, &QListWidget::itemSelectionChanged, this, &ImportDialog::updateState);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::updateState);
    connect(m_mapping, &QLineEdit::textChanged, this, &ImportDialog::updateState);
    connect(m_lenient, &QCheckBox::toggled, this, &ImportDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void ImportDialog::addFiles(const QStringList &paths) {
    for (const QString &p : paths) {
        const QString path = QFileInfo(p).absoluteFilePath();
        // By path, not by the item's text: updateState() appends the format to that.
        if (files().contains(path)) {
            continue;
        }
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(path), m_files);
        item->setData(Qt::UserRole, path);
        const auto detected = ImportJob::detectFormat(path);
        item->setData(FormatRole, detected ? *detected : QString());
        item->setToolTip(detected ? tr("Detected: %1").arg(formatNamed(*detected)->description)
                                  : detected.error().message);
    }
    updateState();
}

QStringList ImportDialog::files() const {
    QStringList out;
    for (int i = 0; i < m_files->count(); ++i) {
        out << m_files->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

QString ImportDialog::format() const {
    return m_format->currentData().toString();
}

void ImportDialog::setFormat(const QString &name) {
    m_format->setCurrentIndex(qMax(0, m_format->findData(name)));
}

void ImportDialog::setMappingPath(const QString &path) {
    m_mapping->setText(path);
}

void ImportDialog::setLenient(bool lenient) {
    m_lenient->setChecked(lenient);
}

void ImportDialog::setReportPath(const QString &path) {
    m_report->setText(path);
}

QString ImportDialog::formatOf(const QString &path) const {
    if (!format().isEmpty()) {
        return format();
    }
    for (int i = 0; i < m_files->count(); ++i) {
        if (m_files->item(i)->data(Qt::UserRole).toString() == path) {
            return m_files->item(i)->data(FormatRole).toString();
        }
    }
    return {};
}

QList<ImportRequest> ImportDialog::requests() const {
    QList<ImportRequest> out;
    const QStringList paths = files();
    for (const QString &path : paths) {
        ImportRequest r;
        r.path = path;
        r.options.format = formatOf(path);
        r.options.lenient = m_lenient->isChecked();
        if (r.options.format == QLatin1String("csv")) {
            r.options.mappingPath = m_mapping->text().trimmed();
        }
        // A report path typed for one file applies to it; several files get one report each.
        r.reportPath = paths.size() == 1 && !m_report->text().trimmed().isEmpty()
                           ? m_report->text().trimmed()
                           : ImportJob::defaultReportPath(m_casePath, path);
        out << r;
    }
    return out;
}

void ImportDialog::chooseFiles() {
    QSettings settings;
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import Files"), settings.value(FolderKey).toString(),
                                      importFileFilter());
    if (!paths.isEmpty()) {
        settings.setValue(FolderKey, QFileInfo(paths.first()).absolutePath());
        addFiles(paths);
    }
}

void ImportDialog::removeFiles() {
    qDeleteAll(m_files->selectedItems());
    updateState();
}

void ImportDialog::chooseMapping() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Column Mapping"), QFileInfo(m_mapping->text()).path(),
                                                      tr("Column mappings (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        m_mapping->setText(path);
    }
}

void ImportDialog::chooseReport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Report of Rejected Records"), m_report->text(),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty()) {
        m_report->setText(path);
    }
}

void ImportDialog::updateState() {
    QStringList problems;
    QStringList lists;
    bool anyCsv = false;
    for (int i = 0; i < m_files->count(); ++i) {
        QListWidgetItem *item = m_files->item(i);
        const QString path = item->data(Qt::UserRole).toString();
        const QString fmt = formatOf(path);
        const QString name = QFileInfo(path).fileName();
        anyCsv = anyCsv || fmt == QLatin1String("csv");
        if (ReferenceListLoader::isListFormat(fmt)) {
            lists << name;
        }
        if (fmt == QLatin1String("csv") && m_mapping->text().trimmed().isEmpty()) {
            // Said here, before the import, in the dialog's words (the importer's names the
            // command line's --mapping).
            if (!item->data(IdSchemaRole).isValid()) {
                item->setData(IdSchemaRole, hasIdAndSchemaColumns(path));
            }
            if (!item->data(IdSchemaRole).toBool()) {
                problems << tr("%1 has no \"id\" and \"schema\" columns: choose a column mapping, or Create "
                               "Mapping… to make one.")
                                .arg(name);
            }
        }
        // Name and format first, the folder last: behind a long home-folder path the format
        // would be scrolled out of sight.
        const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
        if (fmt.isEmpty()) {
            problems << tr("%1: %2; choose a format").arg(name, item->toolTip());
            item->setText(tr("%1 — format unknown — in %2").arg(name, folder));
        } else {
            item->setText(format().isEmpty() ? tr("%1 — %2 (detected) — in %3").arg(name, fmt, folder)
                                             : tr("%1 — %2 — in %3").arg(name, fmt, folder));
        }
    }
    m_mappingLabel->setEnabled(anyCsv);
    m_mappingRow->setEnabled(anyCsv);
    const bool lenient = m_lenient->isChecked();
    m_report->setEnabled(lenient && m_files->count() <= 1);
    m_reportBrowse->setEnabled(m_report->isEnabled());
    if (m_files->count() == 1) {
        const QString report = ImportJob::defaultReportPath(m_casePath, files().first());
        m_report->setPlaceholderText(QDir::toNativeSeparators(report));
    } else {
        m_report->setPlaceholderText(tr("FILE.rejected.txt beside the case, for each file"));
    }
    const QString mapping = m_mapping->text().trimmed();
    if (anyCsv && !mapping.isEmpty() && !QFileInfo::exists(mapping)) {
        problems << tr("The mapping %1 does not exist.").arg(mapping);
    }
    m_remove->setEnabled(!m_files->selectedItems().isEmpty());
    // Importing a sanctions list and then finding nothing to screen against was the walk's first
    // surprise: lists to screen against are loaded apart from the case's entities.
    m_listNote->setText(tr("%1: a sanctions list imported here adds its listed parties to the case as entities. "
                           "To screen the case against it, load it with Analysis → Reference Lists… instead.")
                            .arg(QLocale().createSeparatedList(lists)));
    m_listNote->setVisible(!lists.isEmpty());
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
    m_import->setEnabled(m_files->count() > 0 && problems.isEmpty());
}

} // namespace Casegraph::Ui
