// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Casegraph::Models {

/// A name to look for, and the entity it belongs to: a case entity, or (when `listed`) an
/// entry of a loaded reference list, identified by a key of the caller's choosing.
struct MentionPattern {
    qint64 entityRowId = 0; ///< the case entity's row id, or the caller's key of a listed entry
    QString name;
    bool listed = false;
    /// Matches only where the text writes it with a capital letter ("Dahua", "DAHUA", not
    /// "dahua"): a one-word listed name (see MentionFinder::listedNameUse).
    bool capitalised = false;
};

/// Whether and how a name of a reference-list entry is highlighted.
enum class ListedNameUse {
    Skip,        ///< not highlighted: an ordinary word, too short, a person's one-word name
    Anywhere,    ///< several words, or Chinese/Japanese/Korean: wherever the text has it
    Capitalised, ///< one distinctive word: only where the text capitalises it
};

/// An occurrence of a known name in a text: code-point offsets into the original text and the
/// entities that carry this name (several when two entities share it).
struct Mention {
    qint64 start = 0; ///< Unicode code points into the searched text
    qint64 end = 0;
    QList<qint64> entityRowIds; ///< case entities with this name (may be empty for a listed name)
    QString name; ///< the name as given to setPatterns() (of the first entity)
    QList<qint64> listedKeys;   ///< keys of listed entries with this name
    bool isListedOnly() const { return entityRowIds.isEmpty() && !listedKeys.isEmpty(); }
    bool operator==(const Mention &) const = default;
};

/// Text folded for matching, with a map back to the original's code points.
struct FoldedText {
    QString text;                 ///< NFKC, case-folded, width-folded, diacritics removed, spaces collapsed
    std::vector<qint32> start;    ///< per UTF-16 unit of `text`: code point of the original it came from
    std::vector<qint32> end;      ///< per UTF-16 unit: code point just after its origin (marks included)
};

/// Finds every known name of the case's entities (and of loaded lists' entries) in a text, as the Source viewer highlights
/// them. Names and text are folded alike (Unicode NFKC, full case folding, full-width to
/// ASCII, diacritics removed, runs of white space as one space), so "Thermo Fisher",
/// "THERMO  FISHER" and "Thérmo Fisher" match; an Aho–Corasick automaton over the folded
/// names finds all of them in one pass. Latin names match at word boundaries only; names that
/// begin or end in Han, Kana or Hangul match anywhere, as Chinese is written without spaces.
/// Overlapping hits resolve leftmost-longest. Const after setPatterns(): callable from any
/// thread.
class MentionFinder {
public:
    MentionFinder();
    ~MentionFinder();
    MentionFinder(MentionFinder &&) noexcept;
    MentionFinder &operator=(MentionFinder &&) noexcept;

    /// Builds the automaton. Names shorter than two characters once folded are skipped: a
    /// single letter or Han character would light up half the text. Stops early, leaving an
    /// unusable finder to discard, once `*cancel` is set (a million names take seconds).
    void setPatterns(const QList<MentionPattern> &patterns, const std::atomic_bool *cancel = nullptr);
    int patternCount() const;
    QList<Mention> find(const QString &text) const;

    static FoldedText fold(const QString &text);
    /// Whether a name of a reference-list entry is worth highlighting. Lists are not curated
    /// for the case and carry one-word aliases that are ordinary words ("PEOPLE", "SAID",
    /// "HUMANITY" in OFAC's SDN list) or names of ships ("EGYPT", "SARA"): those would underline
    /// prose. So several words or Chinese/Japanese/Korean: Anywhere. One word: Capitalised when
    /// it has at least `MinListedWordLength` letters (and nothing but letters, hyphens and
    /// apostrophes), is not a word of the English word list built into the resources (ordinary
    /// words and the proper names a dictionary knows: countries, given names, months), not a
    /// common term, place or stopword of screening (Technology, Xinjiang), and not the one name
    /// of a Person, Vessel or Airplane (a given name, a surname or a word); else Skip. A case
    /// entity's own one-word names ("Promega") always match.
    static ListedNameUse listedNameUse(const QString &name, const QString &schema = {});
    static constexpr int MinListedWordLength = 5;
    /// Whether `word` (any case) is a word of the bundled English word list.
    static bool isOrdinaryWord(const QString &word);

private:
    struct Automaton;
    std::unique_ptr<Automaton> d;
};

} // namespace Casegraph::Models
