// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"
#include "screenroom.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
QString extensionOf(const QString &format) {
    if (format == QLatin1String("gexf")) {
        return QStringLiteral("gexf");
    }
    if (format == QLatin1String("graphml")) {
        return QStringLiteral("graphml");
    }
    return QStringLiteral("json");
}
} // namespace

ExportDialog::ExportDialog(const CaseFile &caseFile, const QList<qint64> &selected, QWidget *parent)
    : QDialog(parent), m_selected(selected) {
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("ExportDialog"));
    const QLocale locale;
    m_caseCount = caseFile.entities().count();

    m_format = new QComboBox(this);
    for (const auto &f : exportFormats()) {
        m_format->addItem(QStringLiteral("%1 — %2").arg(f.name, f.description), f.name);
    }

    auto *scope = new QGroupBox(tr("What to export"), this);
    m_caseScope = new QRadioButton(tr("The &whole case (%Ln entity(s))", nullptr, int(m_caseCount)), scope);
    m_chartScope = new QRadioButton(tr("The entities on a c&hart, and the relationships between them:"), scope);
    m_chart = new QComboBox(scope);
    for (const auto &c : caseFile.charts().charts()) {
        m_chart->addItem(tr("%1 (%Ln entity(s))", nullptr, int(c.nodeCount)).arg(c.name), c.name);
    }
    m_selectionScope =
        new QRadioButton(tr("The entities &selected in the Entities list (%1), and the relationships between them")
                             .arg(locale.toString(selected.size())),
                         scope);
    m_chartScope->setEnabled(m_chart->count() > 0);
    m_chart->setEnabled(false);
    if (m_chart->count() == 0) {
        m_chart->addItem(tr("The case has no charts"));
    }
    m_selectionScope->setEnabled(!selected.isEmpty());
    m_caseScope->setChecked(true);
    auto *scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_caseScope);
    scopeLayout->addWidget(m_chartScope);
    auto *chartRow = new QHBoxLayout;
    chartRow->addSpacing(24);
    chartRow->addWidget(m_chart, 1);
    scopeLayout->addLayout(chartRow);
    scopeLayout->addWidget(m_selectionScope);

    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Choose…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    const QFileInfo caseInfo(caseFile.path());
    m_path->setText(QDir::toNativeSeparators(caseInfo.absoluteDir().filePath(caseInfo.completeBaseName())));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    m_pathLabel = new QLabel(this);
    m_pathLabel->setBuddy(m_path);
    form->addRow(m_pathLabel, pathRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(scope);
    layout->addStretch();
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(640, 320));

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        adaptPath();
        updateState();
    });
    connect(m_chartScope, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_selectionScope, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::choosePath);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::confirmAndAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    adaptPath();
    updateState();
}

const ExportFormat *ExportDialog::currentFormat() const {
    const QString name = m_format->currentData().toString();
    for (const auto &f : exportFormats()) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

void ExportDialog::adaptPath() {
    const ExportFormat *f = currentFormat();
    QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (!f || path.isEmpty()) {
        return;
    }
    const QFileInfo info(path);
    const QString base = info.dir().filePath(info.suffix().isEmpty() ? info.fileName() : info.completeBaseName());
    m_path->setText(QDir::toNativeSeparators(f->folder ? base : base + QLatin1Char('.') + extensionOf(f->name)));
}

void ExportDialog::choosePath() {
    const ExportFormat *f = currentFormat();
    if (!f) {
        return;
    }
    QString path;
    if (f->folder) {
        path = QFileDialog::getExistingDirectory(this, tr("Export to Folder"), m_path->text());
    } else {
        const QString ext = extensionOf(f->name);
        path = QFileDialog::getSaveFileName(this, tr("Export to File"), m_path->text(),
                                            tr("%1 files (*.%2);;All files (*)").arg(f->name.toUpper(), ext));
    }
    if (!path.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(path));
    }
}

void ExportDialog::updateState() {
    const ExportFormat *f = currentFormat();
    m_chart->setEnabled(m_chartScope->isChecked());
    m_pathLabel->setText(f && f->folder ? tr("F&older (one file per schema):") : tr("F&ile:"));
    m_export->setEnabled(f && !m_path->text().trimmed().isEmpty());
}

void ExportDialog::confirmAndAccept() {
    // Choose… asks before replacing; a typed or default path did not: a case named after its
    // source data ("zala.casegraph" beside "zala.json") wrote over that file without a word.
    const ExportFormat *f = currentFormat();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    const QFileInfo info(path);
    const bool taken = f && f->folder ? info.isDir() && !QDir(path).isEmpty() : info.exists();
    if (taken) {
        const QString question = f && f->folder
                                     ? tr("The folder %1 is not empty. Export into it, replacing the files of the "
                                          "same names?")
                                     : tr("%1 already exists. Replace it with the export?");
        const auto answer = QMessageBox::question(this, tr("Replace?"), question.arg(QDir::toNativeSeparators(path)),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            m_path->setFocus();
            return;
        }
    }
    accept();
}

ExportRequest ExportDialog::request() const {
    ExportRequest r;
    r.path = QDir::fromNativeSeparators(m_path->text().trimmed());
    r.options.format = m_format->currentData().toString();
    r.expected = m_caseCount;
    if (m_chartScope->isChecked()) {
        r.chart = m_chart->currentData().toString();
        r.expected = 0;
    } else if (m_selectionScope->isChecked()) {
        r.options.selection = QSet<qint64>(m_selected.cbegin(), m_selected.cend());
        r.expected = m_selected.size();
    }
    return r;
}

} // namespace Casegraph::Ui
