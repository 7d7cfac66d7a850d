// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "commands/evidenceeditor.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;

/// Attaching passages as excerpts and grading them: offsets in code points that survive
/// reopening the file, with CJK, emoji and combining marks; every edit undoable.
class EvidenceEditorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void attachRoundTripsOffsets_data();
    void attachRoundTripsOffsets();
    void secondPassageJoinsTheSameClaim();
    void undoRedoKeepsIds();
    void refusesAMisquote();
    void gradingIsUndoable();
    void createEntityFromSelection();
    void gradingSchemePerCase();

private:
    ExcerptAttachment passage(const QString &quote, qint64 entity, const QString &property = {},
                              const QString &value = {}) const;
    void reopen();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_source = 0;
    qint64 m_company = 0;
    QString m_text;
};

void EvidenceEditorTest::init() {
    m_path = m_dir.filePath(QStringLiteral("evidence-%1.casegraph").arg(QTest::currentTestFunction()) +
                            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
    QFile::remove(m_path);
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->create(m_path).ok());
    const qint64 prov = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("test"));
    Entity company;
    company.schema = QStringLiteral("Company");
    company.add(QStringLiteral("name"), QStringLiteral("华大基因"));
    company.add(QStringLiteral("incorporationDate"), QStringLiteral("1999-09"));
    m_company = *m_case->entities().create(company, prov);
    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("测试 🧬"));
    Source s;
    s.entityRowId = *m_case->entities().create(article, prov);
    s.fileName = QStringLiteral("mixed.txt");
    s.mimeType = QStringLiteral("text/plain");
    // CJK, an emoji outside the BMP, a ZWJ sequence and a decomposed é (e + U+0301).
    m_text = QStringLiteral("🧬 华大基因（BGI）于1999年9月成立。👩‍🔬 Re\u0301sume\u0301: Promega sequencers were resold "
                            "in China as recently as May.");
    s.text = m_text;
    s.original = m_text.toUtf8();
    m_source = *m_case->evidence().addSource(s);
    m_editor = std::make_unique<CaseEditor>(*m_case);
}

void EvidenceEditorTest::cleanup() {
    m_editor.reset();
    m_case.reset();
}

void EvidenceEditorTest::reopen() {
    m_editor.reset();
    m_case.reset();
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->open(m_path).ok());
    m_editor = std::make_unique<CaseEditor>(*m_case);
}

ExcerptAttachment EvidenceEditorTest::passage(const QString &quote, qint64 entity, const QString &property,
                                              const QString &value) const {
    const qint64 at = m_text.indexOf(quote);
    ExcerptAttachment a;
    a.entityRowId = entity;
    a.property = property;
    a.value = value;
    a.sourceId = m_source;
    a.start = utf16ToCodePoints(m_text, at);
    a.end = utf16ToCodePoints(m_text, at + quote.size());
    a.quote = quote;
    return a;
}

void EvidenceEditorTest::attachRoundTripsOffsets_data() {
    QTest::addColumn<QString>("quote");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::newRow("emoji first") << QStringLiteral("🧬 华大基因") << qint64(0) << qint64(6);
    QTest::newRow("cjk") << QStringLiteral("华大基因（BGI）于1999年9月成立。") << qint64(2) << qint64(22);
    QTest::newRow("zwj sequence") << QStringLiteral("👩‍🔬") << qint64(22) << qint64(25);
    QTest::newRow("combining marks") << QStringLiteral("Re\u0301sume\u0301") << qint64(26) << qint64(34);
    QTest::newRow("after all of them") << QStringLiteral("Promega sequencers were resold in China as recently as May.")
                                       << qint64(36) << qint64(95);
}

void EvidenceEditorTest::attachRoundTripsOffsets() {
    QFETCH(QString, quote);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    EvidenceEditor editor(*m_editor);
    const auto a = passage(quote, m_company);
    QCOMPARE(a.start, start);
    QCOMPARE(a.end, end);
    const auto id = editor.attachExcerpt(a);
    QVERIFY2(id.ok(), qPrintable(id ? QString() : id.error().toString()));
    reopen();
    const auto x = SupportStore(*m_case).excerpt(*id);
    QVERIFY(x.has_value());
    QCOMPARE(x->start, start);
    QCOMPARE(x->end, end);
    QCOMPARE(x->quote, quote);
    const auto source = m_case->evidence().source(m_source);
    QCOMPARE(codePointSlice(source->text, x->start, x->end), quote);
    // The highlight lands on the same UTF-16 range the user selected.
    QCOMPARE(codePointsToUtf16(source->text, x->start), m_text.indexOf(quote));
}

void EvidenceEditorTest::secondPassageJoinsTheSameClaim() {
    EvidenceEditor editor(*m_editor);
    auto a = passage(QStringLiteral("于1999年9月成立"), m_company, QStringLiteral("incorporationDate"),
                     QStringLiteral("1999-09"));
    QVERIFY(editor.attachExcerpt(a).ok());
    auto b = passage(QStringLiteral("华大基因"), m_company, QStringLiteral("incorporationDate"), QStringLiteral("1999-09"));
    b.stance = Excerpt::Stance::Contradicts;
    b.credibility = QStringLiteral("2");
    b.status = ClaimStatus::Disputed;
    QVERIFY(editor.attachExcerpt(b).ok());
    const auto claims = m_case->evidence().claimsFor(m_company);
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims.first().excerpts.size(), 2);
    QCOMPARE(claims.first().status, ClaimStatus::Disputed);
    QCOMPARE(claims.first().excerpts.at(1).stance, Excerpt::Stance::Contradicts);
    // Undo of the second passage restores the claim's grading too.
    m_editor->undoStack()->undo();
    const auto after = m_case->evidence().claimsFor(m_company);
    QCOMPARE(after.first().excerpts.size(), 1);
    QCOMPARE(after.first().status, ClaimStatus::Unverified);
    QCOMPARE(after.first().credibility, QString());
}

void EvidenceEditorTest::undoRedoKeepsIds() {
    EvidenceEditor editor(*m_editor);
    const auto id = editor.attachExcerpt(passage(QStringLiteral("华大基因"), m_company));
    QVERIFY(id.ok());
    const qint64 claimId = m_case->evidence().claimsFor(m_company).first().id;
    m_editor->undoStack()->undo();
    QVERIFY(m_case->evidence().claimsFor(m_company).isEmpty());
    m_editor->undoStack()->redo();
    const auto claims = m_case->evidence().claimsFor(m_company);
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims.first().id, claimId);
    QCOMPARE(claims.first().excerpts.first().id, *id);
}

void EvidenceEditorTest::refusesAMisquote() {
    EvidenceEditor editor(*m_editor);
    auto a = passage(QStringLiteral("华大基因"), m_company);
    a.end += 1; // one code point too far
    QVERIFY(!editor.attachExcerpt(a).ok());
    auto b = passage(QStringLiteral("华大基因"), m_company);
    b.reliability = QStringLiteral("Z");
    QVERIFY(!editor.attachExcerpt(b).ok());
    QCOMPARE(m_editor->undoStack()->count(), 0);
    QVERIFY(m_case->evidence().claimsFor(m_company).isEmpty());
}

void EvidenceEditorTest::gradingIsUndoable() {
    EvidenceEditor editor(*m_editor);
    const auto id = editor.attachExcerpt(passage(QStringLiteral("华大基因"), m_company));
    QVERIFY(id.ok());
    QVERIFY(editor.grade(*id, QStringLiteral("B"), Excerpt::Stance::Supports, QStringLiteral("2"),
                         ClaimStatus::Corroborated)
                .ok());
    SupportStore support(*m_case);
    QCOMPARE(support.excerpt(*id)->reliability, QStringLiteral("B"));
    const auto s = support.supportOf(m_company);
    QCOMPARE(s.bestReliability, QStringLiteral("B"));
    QCOMPARE(s.bestCredibility, QStringLiteral("2"));
    QCOMPARE(s.status, ClaimStatus::Corroborated);
    QCOMPARE(s.badge(), QStringLiteral("B2 ×1"));
    m_editor->undoStack()->undo();
    QCOMPARE(support.excerpt(*id)->reliability, QString());
    QCOMPARE(support.supportOf(m_company).status, ClaimStatus::Unverified);
    QVERIFY(!editor.grade(*id, QStringLiteral("B"), Excerpt::Stance::Supports, QStringLiteral("9"),
                          ClaimStatus::Corroborated)
                 .ok());
}

void EvidenceEditorTest::createEntityFromSelection() {
    EvidenceEditor editor(*m_editor);
    auto a = passage(QStringLiteral("Promega"), 0);
    const auto row = editor.createEntityWithExcerpt(QStringLiteral("Company"), QStringLiteral("Promega"), a);
    QVERIFY2(row.ok(), qPrintable(row ? QString() : row.error().toString()));
    QCOMPARE(m_case->entities().row(*row)->caption, QStringLiteral("Promega"));
    QCOMPARE(m_case->evidence().claimsFor(*row).first().excerpts.first().quote, QStringLiteral("Promega"));
    // One step to undo.
    QCOMPARE(m_editor->undoStack()->count(), 1);
    m_editor->undoStack()->undo();
    QVERIFY(!m_case->entities().row(*row));
}

void EvidenceEditorTest::gradingSchemePerCase() {
    EvidenceEditor editor(*m_editor);
    SupportStore support(*m_case);
    QCOMPARE(support.gradingScheme(), GradingScheme::admiralty());
    QCOMPARE(support.supportThreshold(), QStringLiteral("C"));
    GradingScheme i2 = GradingScheme::i2();
    i2.reliability[4].label = QStringLiteral("Not yet tested");
    QVERIFY(editor.setGradingScheme(i2).ok());
    reopen();
    SupportStore reopened(*m_case);
    QCOMPARE(reopened.gradingScheme(), i2);
    QCOMPARE(reopened.gradingScheme().describeReliability(QStringLiteral("E")), QStringLiteral("E — Not yet tested"));
    QCOMPARE(reopened.gradingScheme().credibilityRank(QStringLiteral("6")), -1);
    QVERIFY(!reopened.setGradingScheme(GradingScheme{}).ok());
    GradingScheme twice = i2;
    twice.credibility[1].code = QStringLiteral("1");
    QVERIFY(!reopened.setGradingScheme(twice).ok());
}

QTEST_GUILESS_MAIN(EvidenceEditorTest)
#include "evidenceeditor_test.moc"
