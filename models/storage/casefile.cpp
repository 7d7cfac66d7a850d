// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "casefile.h"
#include "casecopy.h"
#include "auditlog.h"
#include "chartstore.h"
#include "mergestore.h"
#include "referenceliststore.h"
#include "entitystore.h"
#include "evidencestore.h"
#include "leadstore.h"
#include "migrations.h"
#include "notestore.h"
#include "sqlite.h"
#include "tagstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Casegraph::Models {

namespace {
QString &preferredActor()
{
    static QString actor;
    return actor;
}

QString environmentActor()
{
    QString user = qEnvironmentVariable("CASEGRAPH_ACTOR");
    if (user.isEmpty()) {
        user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    }
#ifdef Q_OS_UNIX
    // A session without USER (a service, a bare container) still has an account.
    if (user.isEmpty()) {
        if (const passwd *account = getpwuid(geteuid()); account && account->pw_name) {
            user = QString::fromLocal8Bit(account->pw_name);
        }
    }
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}
} // namespace

CaseFile::CaseFile(QObject *parent)
    : QObject(parent), m_db(std::make_unique<Sql::Database>()), m_entities(std::make_unique<EntityStore>(*this)),
      m_evidence(std::make_unique<EvidenceStore>(*this)), m_charts(std::make_unique<ChartStore>(*this)),
      m_audit(std::make_unique<AuditLog>(*this)), m_notes(std::make_unique<NoteStore>(*this)),
      m_tags(std::make_unique<TagStore>(*this)), m_leads(std::make_unique<LeadStore>(*this)),
      m_referenceLists(std::make_unique<ReferenceListStore>(*this)), m_merges(std::make_unique<MergeStore>(*this)),
      m_actor(defaultActor())
{
}

void CaseFile::setDefaultActor(const QString &actor)
{
    preferredActor() = actor.trimmed();
}

QString CaseFile::defaultActor()
{
    return preferredActor().isEmpty() ? environmentActor() : preferredActor();
}

Status CaseFile::appendAudit(const QString &action, const QJsonObject &before, const QJsonObject &after,
                             const QString &target)
{
    return m_audit->append(action, target, before, after);
}

CaseFile::~CaseFile() = default;

bool CaseFile::isOpen() const
{
    return m_db->isOpen();
}

Status CaseFile::configure()
{
    // WAL lets background readers work beside the writer; NORMAL sync is durable at each
    // checkpoint and never corrupts; a 64 MiB page cache keeps 1M-entity indexes hot.
    return m_db->exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                     "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"));
}

Status CaseFile::create(const QString &path, const QString &title)
{
    if (QFileInfo::exists(path)) {
        return Error{tr("a file with this name already exists"), path};
    }
    close();
    if (auto st = m_db->open(path); !st) {
        return st;
    }
    if (auto st = configure(); !st) {
        return Error{st.error().message, path};
    }
    if (auto st = Migrations::run(*m_db, 0, SchemaVersion, m_actor); !st) {
        close();
        QFile::remove(path);
        return Error{st.error().message, path};
    }
    m_path = path;
    m_readOnly = false;
    m_audit->attach();
    (void)setMeta(QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    (void)setMeta(QStringLiteral("createdBy"), m_actor);
    (void)setTitle(title.isEmpty() ? QFileInfo(path).completeBaseName() : title);
    return {};
}

Status CaseFile::createAtVersion(const QString &path, int version)
{
    Sql::Database db;
    if (auto st = db.open(path); !st) {
        return st;
    }
    if (auto st = db.exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;")); !st) {
        return st;
    }
    return Migrations::run(db, 0, version);
}

Status CaseFile::open(const QString &path, OpenMode mode)
{
    close();
    if (!QFileInfo::exists(path)) {
        return Error{tr("no such file"), path};
    }
    if (QFileInfo(path).isDir()) {
        return Error{tr("a folder, not a case file"), path};
    }
    const auto sqlMode = mode == OpenMode::ReadOnly ? Sql::Database::Mode::ReadOnly : Sql::Database::Mode::ReadWrite;
    if (auto st = m_db->open(path, sqlMode); !st) {
        return st;
    }
    // A file that is not SQLite fails here, on the first read. Statements are scoped so none
    // is active when the journal mode is set below.
    {
        auto probe = m_db->prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!probe || !(*probe)->step()) {
            close();
            return Error{tr("not a Casegraph case file (not an SQLite database)"), path};
        }
    }
    {
        auto probe = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key='application'"));
        if (!probe || !(*probe)->step() || (*probe)->text(0) != QLatin1String("casegraph")) {
            close();
            return Error{tr("not a Casegraph case file (an SQLite database of another program)"), path};
        }
    }
    if (mode == OpenMode::ReadWrite) {
        if (auto st = configure(); !st) {
            close();
            return Error{st.error().message, path};
        }
    } else {
        // Read-only connections (analytics, chart loading on a worker) scan whole tables: mapping
        // the file saves SQLite copying every page into its cache.
        (void)m_db->exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA mmap_size=4294967296;"));
    }
    const int version = m_db->userVersion();
    if (version > SchemaVersion) {
        close();
        return Error{tr("this case file was written by a newer Casegraph (schema version %1; this build reads up to %2)")
                         .arg(version)
                         .arg(SchemaVersion),
                     path};
    }
    if (version < SchemaVersion) {
        if (mode == OpenMode::ReadOnly) {
            close();
            return Error{tr("the case file needs an upgrade from schema version %1; open it for writing first")
                             .arg(version),
                         path};
        }
        if (auto st = Migrations::run(*m_db, version, SchemaVersion, m_actor); !st) {
            close();
            return Error{tr("upgrade from schema version %1 failed: %2").arg(version).arg(st.error().message), path};
        }
    }
    m_path = path;
    m_readOnly = mode == OpenMode::ReadOnly;
    if (!m_readOnly) {
        m_audit->attach();
    }
    return {};
}

void CaseFile::close()
{
    m_audit->detach();
    m_db->close();
    m_path.clear();
}

Status CaseFile::saveAs(const QString &path) const
{
    return CaseCopy::copy(m_path, path);
}

Result<QStringList> CaseFile::check() const
{
    QStringList problems;
    auto st = m_db->prepare(QStringLiteral("PRAGMA integrity_check"));
    if (!st) {
        return st.error();
    }
    while ((*st)->step()) {
        const QString line = (*st)->text(0);
        if (line != QLatin1String("ok")) {
            problems << line;
        }
    }
    auto fk = m_db->prepare(QStringLiteral("PRAGMA foreign_key_check"));
    if (!fk) {
        return fk.error();
    }
    while ((*fk)->step()) {
        problems << tr("row %1 of table %2 refers to a missing row of %3")
                        .arg((*fk)->int64(1))
                        .arg((*fk)->text(0), (*fk)->text(2));
    }
    return problems;
}

CaseInfo CaseFile::info() const
{
    CaseInfo info;
    info.schemaVersion = m_db->userVersion();
    info.title = title();
    info.entitiesPerSchema = m_entities->countsBySchema();
    for (const auto &p : std::as_const(info.entitiesPerSchema)) {
        info.entities += p.second;
    }
    const auto count = [this](const char *sql) {
        auto *s = m_db->cached(sql);
        const qint64 n = s->step() ? s->int64(0) : 0;
        s->reset();
        return n;
    };
    info.values = count("SELECT count(*) FROM statement");
    info.sources = count("SELECT count(*) FROM source");
    info.claims = count("SELECT count(*) FROM claim");
    info.excerpts = count("SELECT count(*) FROM excerpt");
    info.notes = count("SELECT count(*) FROM note");
    if (info.schemaVersion >= 4) {
        info.tags = count("SELECT count(*) FROM tag");
        info.taggings = count("SELECT count(*) FROM tagging");
        info.leads = count("SELECT count(*) FROM lead");
        info.openLeads = count("SELECT count(*) FROM lead WHERE status IN ('open', 'in progress')");
    }
    return info;
}

QString CaseFile::title() const
{
    return meta(QStringLiteral("title"));
}

Status CaseFile::setTitle(const QString &title)
{
    return setMeta(QStringLiteral("title"), title);
}

QString CaseFile::meta(const QString &key) const
{
    auto *s = m_db->cached("SELECT value FROM meta WHERE key=?");
    s->bind(1, key);
    const QString v = s->step() ? s->text(0) : QString();
    s->reset();
    return v;
}

Status CaseFile::setMeta(const QString &key, const QString &value)
{
    auto *s = m_db->cached("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    s->bind(1, key).bind(2, value);
    return s->run();
}

Result<qint64> CaseFile::addProvenance(Provenance::Kind kind, const QString &label, qint64 sourceId,
                                       const QString &detail)
{
    auto *s = m_db->cached("INSERT INTO provenance(kind, label, actor, at, source, detail) VALUES(?,?,?,?,?,?)");
    s->bind(1, Provenance::kindName(kind)).bind(2, label).bind(3, m_actor);
    s->bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (sourceId > 0) {
        s->bind(5, sourceId);
    } else {
        s->bindNull(5);
    }
    if (detail.isEmpty()) {
        s->bindNull(6);
    } else {
        s->bind(6, detail);
    }
    if (auto st = s->run(); !st) {
        return st.error();
    }
    return m_db->lastInsertRowId();
}

std::optional<Provenance> CaseFile::provenance(qint64 id) const
{
    auto *s = m_db->cached("SELECT kind, label, actor, at, coalesce(source, 0) FROM provenance WHERE id=?");
    s->bind(1, id);
    if (!s->step()) {
        s->reset();
        return std::nullopt;
    }
    Provenance p;
    p.id = id;
    p.kind = Provenance::kindFromName(s->text(0));
    p.label = s->text(1);
    p.actor = s->text(2);
    p.at = QDateTime::fromString(s->text(3), Qt::ISODateWithMs);
    p.sourceId = s->int64(4);
    s->reset();
    return p;
}

} // namespace Casegraph::Models
