// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationeditor.h"
#include "caseeditor.h"
#include "editcommand.h"
#include "storage/casefile.h"
#include "storage/leadstore.h"
#include "storage/notestore.h"
#include "storage/tagstore.h"

#include <algorithm>
#include <functional>
#include <memory>

namespace Casegraph::Models {

namespace {
/// A command whose two steps are given as functions over snapshots taken when it was made.
class SnapshotCommand final : public EditCommand {
public:
    SnapshotCommand(CaseEditor &editor, const QString &text, std::function<Status()> redo,
                    std::function<Status()> undo)
        : EditCommand(editor, text), m_redo(std::move(redo)), m_undo(std::move(undo)) {}

protected:
    Status doRedo() override { return inTransaction(m_redo); }
    Status doUndo() override { return inTransaction(m_undo); }
    /// Notes, tags and leads are logged by what the edit says it does (its undo text).
    AuditRecord auditRecord() const override
    {
        return {QStringLiteral("annotation"), QString(), {}, QJsonObject{{QStringLiteral("edit"), text()}}};
    }

private:
    std::function<Status()> m_redo;
    std::function<Status()> m_undo;
};

Status statusOf(const Result<qint64> &r) {
    return r ? Status() : Status(r.error());
}

/// Puts a deleted note or lead back with the tags it carried.
template <typename Restore>
Status restoreWithTags(Restore restore, TagStore &tags, const QList<Tag> &itsTags, const Target &self) {
    if (auto st = restore(); !st) {
        return st;
    }
    for (const auto &t : itsTags) {
        if (auto st = tags.assign(t.id, self); !st) {
            return st;
        }
    }
    return {};
}

QString shortText(const QString &text) {
    const QString line = text.simplified();
    return line.size() > 40 ? line.left(39) + QChar(0x2026) : line;
}
} // namespace

// ---------------------------------------------------------------- notes

Result<qint64> AnnotationEditor::addNote(const Target &target, const QString &markdown) {
    if (markdown.trimmed().isEmpty()) {
        return Error{tr("the note is empty")};
    }
    NoteStore &notes = m_editor.caseFile().notes();
    // The first redo stores a new note; later ones put back exactly that row.
    auto added = std::make_shared<std::optional<Note>>();
    auto redo = [&notes, added, target, markdown]() -> Status {
        if (*added) {
            return statusOf(notes.add(**added));
        }
        const auto id = notes.add(Note{0, target.kind, target.id, markdown, {}, {}, {}});
        if (!id) {
            return id.error();
        }
        *added = notes.note(*id);
        return {};
    };
    auto undo = [&notes, added]() { return notes.remove((*added)->id); };
    if (auto st = m_editor.push(std::make_unique<SnapshotCommand>(m_editor, tr("Add Note"), redo, undo)); !st) {
        return st.error();
    }
    return (*added)->id;
}

Status AnnotationEditor::editNote(qint64 noteId, const QString &markdown) {
    NoteStore &notes = m_editor.caseFile().notes();
    const auto before = notes.note(noteId);
    if (!before) {
        return Error{tr("the note no longer exists")};
    }
    if (before->body == markdown) {
        return {};
    }
    auto after = std::make_shared<std::optional<Note>>();
    auto redo = [&notes, after, before, markdown]() -> Status {
        if (*after) {
            return notes.update(**after);
        }
        Note changed = *before;
        changed.body = markdown;
        changed.modifiedAt = {};
        changed.actor.clear();
        if (auto st = notes.update(changed); !st) {
            return st;
        }
        *after = notes.note(before->id);
        return {};
    };
    auto undo = [&notes, before]() { return notes.update(*before); };
    return m_editor.push(
        std::make_unique<SnapshotCommand>(m_editor, tr("Edit Note “%1”").arg(shortText(markdown)), redo, undo));
}

Status AnnotationEditor::deleteNote(qint64 noteId) {
    NoteStore &notes = m_editor.caseFile().notes();
    TagStore &tags = m_editor.caseFile().tags();
    const auto before = notes.note(noteId);
    if (!before) {
        return Error{tr("the note no longer exists")};
    }
    const Target self{QStringLiteral("note"), noteId};
    const QList<Tag> itsTags = tags.tagsOf(self);
    auto redo = [&notes, noteId]() { return notes.remove(noteId); };
    auto undo = [&notes, &tags, before, itsTags, self]() {
        return restoreWithTags([&] { return statusOf(notes.add(*before)); }, tags, itsTags, self);
    };
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Delete Note “%1”").arg(shortText(before->body)), redo, undo));
}

// ---------------------------------------------------------------- tags

Result<qint64> AnnotationEditor::createTag(const QString &name, const QString &colour) {
    TagStore &tags = m_editor.caseFile().tags();
    auto created = std::make_shared<std::optional<Tag>>();
    auto redo = [&tags, created, name, colour]() -> Status {
        if (*created) {
            return statusOf(tags.create(**created));
        }
        const auto id = tags.create(Tag{0, name, colour, {}, 0});
        if (!id) {
            return id.error();
        }
        *created = tags.tag(*id);
        return {};
    };
    auto undo = [&tags, created]() { return tags.remove((*created)->id); };
    if (auto st = m_editor.push(std::make_unique<SnapshotCommand>(
            m_editor, tr("New Tag “%1”").arg(name.trimmed()), redo, undo));
        !st) {
        return st.error();
    }
    return (*created)->id;
}

Status AnnotationEditor::renameTag(qint64 tagId, const QString &name) {
    TagStore &tags = m_editor.caseFile().tags();
    const auto before = tags.tag(tagId);
    if (!before) {
        return Error{tr("the tag no longer exists")};
    }
    if (auto st = tags.rename(tagId, name); !st) {
        return st; // checked here so that a taken name never reaches the stack
    }
    (void)tags.rename(tagId, before->name);
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Rename Tag “%1”").arg(before->name), [&tags, tagId, name]() { return tags.rename(tagId, name); },
        [&tags, tagId, old = before->name]() { return tags.rename(tagId, old); }));
}

Status AnnotationEditor::recolourTag(qint64 tagId, const QString &colour) {
    TagStore &tags = m_editor.caseFile().tags();
    const auto before = tags.tag(tagId);
    if (!before) {
        return Error{tr("the tag no longer exists")};
    }
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Recolour Tag “%1”").arg(before->name),
        [&tags, tagId, colour]() { return tags.setColour(tagId, colour); },
        [&tags, tagId, old = before->colour]() { return tags.setColour(tagId, old); }));
}

Status AnnotationEditor::deleteTag(qint64 tagId) {
    TagStore &tags = m_editor.caseFile().tags();
    const auto before = tags.tag(tagId);
    if (!before) {
        return Error{tr("the tag no longer exists")};
    }
    const QList<Target> carriers = tags.targets(tagId);
    auto undo = [&tags, before, carriers]() -> Status {
        Tag t = *before;
        t.uses = 0;
        if (auto st = statusOf(tags.create(t)); !st) {
            return st;
        }
        for (const auto &target : carriers) {
            if (auto st = tags.assign(t.id, target); !st) {
                return st;
            }
        }
        return {};
    };
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Delete Tag “%1”").arg(before->name), [&tags, tagId]() { return tags.remove(tagId); }, undo));
}

Status AnnotationEditor::assignTag(qint64 tagId, const Target &target) {
    TagStore &tags = m_editor.caseFile().tags();
    const auto tag = tags.tag(tagId);
    if (!tag) {
        return Error{tr("the tag no longer exists")};
    }
    const auto carried = tags.tagsOf(target);
    if (std::any_of(carried.cbegin(), carried.cend(), [tagId](const Tag &t) { return t.id == tagId; })) {
        return {};
    }
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Tag “%1”").arg(tag->name), [&tags, tagId, target]() { return tags.assign(tagId, target); },
        [&tags, tagId, target]() { return tags.unassign(tagId, target); }));
}

Status AnnotationEditor::unassignTag(qint64 tagId, const Target &target) {
    TagStore &tags = m_editor.caseFile().tags();
    const auto tag = tags.tag(tagId);
    if (!tag) {
        return Error{tr("the tag no longer exists")};
    }
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Remove Tag “%1”").arg(tag->name),
        [&tags, tagId, target]() { return tags.unassign(tagId, target); },
        [&tags, tagId, target]() { return tags.assign(tagId, target); }));
}

// ---------------------------------------------------------------- leads

Result<qint64> AnnotationEditor::addLead(const Lead &lead) {
    LeadStore &leads = m_editor.caseFile().leads();
    auto added = std::make_shared<std::optional<Lead>>();
    auto redo = [&leads, added, lead]() -> Status {
        if (*added) {
            return statusOf(leads.add(**added));
        }
        Lead fresh = lead;
        fresh.id = 0;
        fresh.createdAt = fresh.modifiedAt = {};
        fresh.actor.clear();
        const auto id = leads.add(fresh);
        if (!id) {
            return id.error();
        }
        *added = leads.lead(*id);
        return {};
    };
    auto undo = [&leads, added]() { return leads.remove((*added)->id); };
    if (auto st = m_editor.push(std::make_unique<SnapshotCommand>(
            m_editor, tr("Add Lead “%1”").arg(shortText(lead.title)), redo, undo));
        !st) {
        return st.error();
    }
    return (*added)->id;
}

Status AnnotationEditor::editLead(const Lead &lead) {
    LeadStore &leads = m_editor.caseFile().leads();
    const auto before = leads.lead(lead.id);
    if (!before) {
        return Error{tr("the lead no longer exists")};
    }
    auto after = std::make_shared<std::optional<Lead>>();
    auto redo = [&leads, after, lead]() -> Status {
        if (*after) {
            return leads.update(**after);
        }
        Lead changed = lead;
        changed.modifiedAt = {};
        changed.actor.clear();
        if (auto st = leads.update(changed); !st) {
            return st;
        }
        *after = leads.lead(lead.id);
        return {};
    };
    auto undo = [&leads, before]() { return leads.update(*before); };
    const QString text = before->status != lead.status
                             ? tr("Mark Lead “%1” %2").arg(shortText(lead.title), Lead::statusLabel(lead.status))
                             : tr("Edit Lead “%1”").arg(shortText(lead.title));
    return m_editor.push(std::make_unique<SnapshotCommand>(m_editor, text, redo, undo));
}

Status AnnotationEditor::setLeadStatus(qint64 leadId, Lead::Status status) {
    const auto lead = m_editor.caseFile().leads().lead(leadId);
    if (!lead) {
        return Error{tr("the lead no longer exists")};
    }
    if (lead->status == status) {
        return {};
    }
    Lead changed = *lead;
    changed.status = status;
    return editLead(changed);
}

Status AnnotationEditor::deleteLead(qint64 leadId) {
    LeadStore &leads = m_editor.caseFile().leads();
    TagStore &tags = m_editor.caseFile().tags();
    const auto before = leads.lead(leadId);
    if (!before) {
        return Error{tr("the lead no longer exists")};
    }
    const Target self{QStringLiteral("lead"), leadId};
    const QList<Tag> itsTags = tags.tagsOf(self);
    auto undo = [&leads, &tags, before, itsTags, self]() {
        return restoreWithTags([&] { return statusOf(leads.add(*before)); }, tags, itsTags, self);
    };
    return m_editor.push(std::make_unique<SnapshotCommand>(
        m_editor, tr("Delete Lead “%1”").arg(shortText(before->title)), [&leads, leadId]() { return leads.remove(leadId); },
        undo));
}

} // namespace Casegraph::Models
