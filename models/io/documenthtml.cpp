// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ftmdate.h"
#include "documentinfo.h"
#include "textdecoder.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

namespace Casegraph::Models {

namespace {

constexpr unsigned StackBytes = 256u << 20;

const GumboVector *childrenOf(const GumboNode *node) {
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
        return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        return &node->v.element.children;
    default:
        return nullptr;
    }
}

QByteArray tagName(const GumboNode *node) {
    const GumboElement &e = node->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN) {
        return QByteArray(gumbo_normalized_tagname(e.tag));
    }
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QByteArray(piece.data, qsizetype(piece.length)).toLower();
}

QString attribute(const GumboNode *node, const char *name) {
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value).trimmed() : QString();
}

bool isHtmlSpace(char16_t c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

/// Collects text with HTML's white-space collapsing and newlines between blocks.
class TextBuilder {
public:
    void text(const QString &t, bool pre) {
        if (pre) {
            flushBreak();
            m_out += t;
            m_space = false;
            return;
        }
        for (const QChar ch : t) {
            if (isHtmlSpace(ch.unicode())) {
                m_space = !m_out.isEmpty() && !m_out.endsWith(QLatin1Char('\n'));
                continue;
            }
            if (m_break) {
                flushBreak();
            } else if (m_space) {
                m_out += QLatin1Char(' ');
            }
            m_space = false;
            m_out += ch;
        }
    }
    void block() {
        m_break = !m_out.isEmpty();
        m_space = false;
    }
    void lineBreak() {
        trimEnd();
        m_out += QLatin1Char('\n');
        m_break = m_space = false;
    }
    void cell() { m_space = !m_out.isEmpty() && !m_break && !m_out.endsWith(QLatin1Char('\n')); }
    QString result() {
        trimEnd();
        return m_out;
    }

private:
    void flushBreak() {
        if (m_break) {
            trimEnd();
            if (!m_out.isEmpty() && !m_out.endsWith(QLatin1Char('\n'))) {
                m_out += QLatin1Char('\n');
            }
            m_break = false;
        }
    }
    void trimEnd() {
        while (!m_out.isEmpty() && m_out.back() == QLatin1Char(' ')) {
            m_out.chop(1);
        }
    }
    QString m_out;
    bool m_space = false;
    bool m_break = false;
};

bool isBlock(const QByteArray &tag) {
    static const QSet<QByteArray> blocks = {
        "address", "article", "aside",  "blockquote", "body",    "caption", "center",   "dd",
        "details", "dialog",  "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
        "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
        "h6",      "header",  "hgroup", "hr",         "legend",  "li",      "main",     "menu",
        "nav",     "ol",      "p",      "pre",        "section", "summary", "table",    "tbody",
        "thead",   "tfoot",   "tr",     "ul",         "option",  "listing", "plaintext"};
    return blocks.contains(tag);
}

bool isSkipped(const QByteArray &tag) {
    static const QSet<QByteArray> skipped = {"head",  "script", "style", "noscript", "template", "object",
                                             "embed", "iframe", "svg",   "math",     "canvas"};
    return skipped.contains(tag);
}

/// All text below `node`, collapsed to single spaces (titles, headings).
QString plainText(const GumboNode *node) {
    TextBuilder out;
    std::vector<std::pair<const GumboNode *, unsigned>> stack{{node, 0}};
    while (!stack.empty()) {
        auto &[n, next] = stack.back();
        const GumboVector *children = childrenOf(n);
        if (!children || next >= children->length) {
            stack.pop_back();
            continue;
        }
        const auto *c = static_cast<const GumboNode *>(children->data[next++]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
            out.text(QString::fromUtf8(c->v.text.text), false);
        } else if (c->type == GUMBO_NODE_ELEMENT && !isSkipped(tagName(c))) {
            stack.push_back({c, 0});
        }
    }
    return out.result().simplified();
}

QString languageCode(QString tag) {
    tag = tag.trimmed().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (tag.isEmpty()) {
        return {};
    }
    const QLocale locale(tag);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage) {
        return {};
    }
    return QLocale::languageToCode(locale.language(), QLocale::ISO639Part3);
}

/// An estimate of how deep the elements of a page nest: start tags that neither are void nor
/// close implicitly (p, li, td …) open a level, end tags close one. Gumbo's tree construction
/// slows down with the cube of the depth (20,000 nested divs take 15 s), so pages past
/// HtmlDocument::MaxNesting are refused; browsers stop nesting at 512.
int nestingDepth(const QByteArray &html) {
    static const QSet<QByteArray> flat = {"area",  "base",     "br",       "col",     "embed",    "hr",       "img",
                                          "input", "link",     "meta",     "param",   "source",   "track",    "wbr",
                                          "frame", "keygen",   "basefont", "bgsound", "image",    "menuitem", "p",
                                          "li",    "dt",       "dd",       "option",  "optgroup", "tr",       "td",
                                          "th",    "thead",    "tbody",    "tfoot",   "rb",       "rt",       "rtc",
                                          "rp",    "colgroup", "caption",  "html",    "head",     "body"};
    static const QSet<QByteArray> raw = {"script", "style",  "textarea", "title",
                                         "xmp",    "iframe", "noembed",  "noframes"};
    const char *p = html.constData();
    const qsizetype n = html.size();
    int depth = 0, deepest = 0;
    qsizetype i = 0;
    const auto skipTo = [&](const char *needle) {
        const qsizetype at = html.indexOf(needle, i);
        i = at < 0 ? n : at + qsizetype(std::strlen(needle));
    };
    while (i < n) {
        const qsizetype lt = html.indexOf('<', i);
        if (lt < 0 || lt + 1 >= n) {
            break;
        }
        i = lt + 1;
        if (html.mid(i, 3) == "!--") {
            skipTo("-->");
            continue;
        }
        const bool end = p[i] == '/';
        if (end) {
            ++i;
        }
        if (i >= n || !std::isalpha(static_cast<unsigned char>(p[i]))) {
            continue;
        }
        qsizetype j = i;
        while (j < n && (std::isalnum(static_cast<unsigned char>(p[j])) || p[j] == '-' || p[j] == ':')) {
            ++j;
        }
        const QByteArray name = html.mid(i, j - i).toLower();
        const qsizetype close = html.indexOf('>', j);
        i = close < 0 ? n : close + 1;
        if (flat.contains(name)) {
            continue;
        }
        if (end) {
            depth = std::max(0, depth - 1);
            continue;
        }
        if (close > 0 && p[close - 1] == '/') {
            continue; // <x/>
        }
        if (raw.contains(name)) {
            // Raw text up to the matching end tag: its '<' are not tags.
            for (qsizetype k = i;; k += 2) {
                k = html.indexOf("</", k);
                if (k < 0 || k + 2 + name.size() > n) {
                    i = n;
                    break;
                }
                if (qstrnicmp(p + k + 2, name.constData(), size_t(name.size())) == 0) {
                    i = k;
                    break;
                }
            }
            continue;
        }
        deepest = std::max(deepest, ++depth);
    }
    return deepest;
}

/// Runs `fn` on a thread with a large stack and waits for it.
void runWithLargeStack(const std::function<void()> &fn) {
    std::unique_ptr<QThread> thread(QThread::create(fn));
    thread->setStackSize(StackBytes);
    thread->start();
    thread->wait();
}

void extractTree(const GumboNode *root, DocumentInfo &info) {
    QHash<QString, QString> meta; // lower-cased name or property → first content
    QString titleElement, heading, canonical, timeInArticle, htmlLang;
    // Metadata: every element, head included.
    std::vector<std::pair<const GumboNode *, unsigned>> stack{{root, 0}};
    int articleDepth = 0;
    while (!stack.empty()) {
        auto &[n, next] = stack.back();
        const GumboVector *children = childrenOf(n);
        if (!children || next >= children->length) {
            if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_ARTICLE) {
                --articleDepth;
            }
            stack.pop_back();
            continue;
        }
        const auto *c = static_cast<const GumboNode *>(children->data[next++]);
        if (c->type != GUMBO_NODE_ELEMENT) {
            continue;
        }
        switch (c->v.element.tag) {
        case GUMBO_TAG_HTML:
            htmlLang = attribute(c, "lang");
            break;
        case GUMBO_TAG_TITLE:
            if (titleElement.isEmpty()) {
                titleElement = plainText(c);
            }
            continue;
        case GUMBO_TAG_META: {
            QString key = attribute(c, "property");
            if (key.isEmpty()) {
                key = attribute(c, "name");
            }
            if (key.isEmpty()) {
                key = attribute(c, "itemprop");
            }
            if (key.isEmpty()) {
                key = attribute(c, "http-equiv");
            }
            const QString content = attribute(c, "content");
            key = key.toLower();
            if (!key.isEmpty() && !content.isEmpty() && !meta.contains(key)) {
                meta.insert(key, content);
            }
            continue;
        }
        case GUMBO_TAG_LINK:
            if (attribute(c, "rel").toLower().split(QLatin1Char(' ')).contains(QLatin1String("canonical")) &&
                canonical.isEmpty()) {
                canonical = attribute(c, "href");
            }
            continue;
        case GUMBO_TAG_ARTICLE:
            info.article = true;
            ++articleDepth;
            break;
        case GUMBO_TAG_TIME:
            if (articleDepth > 0 && timeInArticle.isEmpty()) {
                timeInArticle = attribute(c, "datetime");
            }
            break;
        case GUMBO_TAG_H1:
            if (heading.isEmpty()) {
                heading = plainText(c);
            }
            break;
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
            continue;
        default:
            break;
        }
        stack.push_back({c, 0});
    }
    const auto first = [&](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            const QString v = meta.value(QLatin1String(k));
            if (!v.isEmpty()) {
                return v;
            }
        }
        return QString();
    };
    info.title = first({"og:title", "citation_title", "dc.title", "twitter:title"});
    if (info.title.isEmpty()) {
        info.title = !titleElement.isEmpty() ? titleElement : heading;
    }
    info.publisher = first({"og:site_name", "citation_publisher", "dc.publisher", "publisher", "application-name"});
    for (const char *k : {"author", "article:author", "citation_author", "dc.creator", "byl"}) {
        const QString v = meta.value(QLatin1String(k));
        if (!v.isEmpty() && !v.startsWith(QLatin1String("http")) && !info.authors.contains(v)) {
            info.authors << v;
        }
    }
    QString published = first({"article:published_time", "datepublished", "citation_publication_date", "citation_date",
                               "dc.date", "date", "pubdate", "publishdate", "sailthru.date"});
    if (published.isEmpty()) {
        published = timeInArticle;
    }
    info.publishedAt = documentDate(published);
    info.url = !canonical.isEmpty() ? canonical : meta.value(QStringLiteral("og:url"));
    info.summary = first({"og:description", "description", "twitter:description"});
    info.language = languageCode(htmlLang);
    if (info.language.isEmpty()) {
        info.language = languageCode(first({"content-language", "og:locale", "dc.language"}));
    }
    info.article = info.article ||
                   meta.value(QStringLiteral("og:type")).compare(QLatin1String("article"), Qt::CaseInsensitive) == 0 ||
                   meta.contains(QStringLiteral("article:published_time"));

    // Body text: the same walk without head, scripts, styles and other non-text content.
    TextBuilder out;
    struct Frame {
        const GumboNode *node;
        unsigned next;
        bool block;
        bool pre;
    };
    std::vector<Frame> frames{{root, 0, false, false}};
    int preDepth = 0;
    while (!frames.empty()) {
        Frame &f = frames.back();
        const GumboVector *children = childrenOf(f.node);
        if (!children || f.next >= children->length) {
            if (f.block) {
                out.block();
            }
            preDepth -= f.pre;
            frames.pop_back();
            continue;
        }
        const auto *c = static_cast<const GumboNode *>(children->data[f.next++]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
            out.text(QString::fromUtf8(c->v.text.text), preDepth > 0);
            continue;
        }
        if (c->type != GUMBO_NODE_ELEMENT) {
            continue;
        }
        const QByteArray tag = tagName(c);
        if (isSkipped(tag)) {
            continue;
        }
        if (tag == "br") {
            out.lineBreak();
            continue;
        }
        if (tag == "td" || tag == "th") {
            out.cell();
        }
        const bool block = isBlock(tag);
        const bool pre = tag == "pre" || tag == "textarea" || tag == "listing";
        if (block) {
            out.block();
        }
        preDepth += pre;
        frames.push_back({c, 0, block, pre});
    }
    info.text = out.result();
}

} // namespace

QString HtmlDocument::declaredCharset(const QByteArray &bytes) {
    static const QRegularExpression re(QStringLiteral("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(bytes.left(4096)));
    return m.hasMatch() ? m.captured(1) : QString();
}

Result<DocumentInfo> HtmlDocument::extract(const QByteArray &bytes, const QString &charset) {
    DocumentInfo info;
    TextDecoder::Detection detection = TextDecoder::detect(bytes.left(64 * 1024));
    if (detection.binary) {
        return Error{tr("this is not an HTML file (it holds binary data)")};
    }
    if (detection.bomBytes == 0) {
        const QString declared = TextDecoder::canonicalName(charset.isEmpty() ? declaredCharset(bytes) : charset);
        // A page that declares UTF-16 in ASCII cannot be UTF-16; ignore that declaration.
        if (!declared.isEmpty() && !declared.startsWith(QLatin1String("UTF-16"))) {
            detection.encoding = declared;
        }
    }
    info.encoding = detection.encoding;
    auto text = TextDecoder::decode(bytes.mid(detection.bomBytes), detection.encoding);
    if (!text) {
        return text.error();
    }
    const QByteArray utf8 = text->toUtf8();
    if (const int depth = nestingDepth(utf8); depth > MaxNesting) {
        return Error{tr("the page nests elements %1 deep; Casegraph reads pages up to %2 deep (browsers stop at 512)")
                         .arg(depth)
                         .arg(MaxNesting)};
    }
    bool parsed = false;
    runWithLargeStack([&] {
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 100; // a broken page must not fill memory with parse errors
        GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
        if (!output) {
            return;
        }
        extractTree(output->document, info);
        gumbo_destroy_output(&options, output);
        parsed = true;
    });
    if (!parsed) {
        return Error{tr("the HTML parser could not read the file")};
    }
    return info;
}

QString documentDate(const QString &text) {
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    if (const QString iso = FtmDate::storedForm(t); !iso.isEmpty()) {
        return iso;
    }
    const QDateTime rfc = QDateTime::fromString(t, Qt::RFC2822Date);
    if (rfc.isValid()) {
        return rfc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    }
    // "2019-05-14 something": keep the day when it is one.
    if (t.size() > 10 && FtmDate::parse(t.left(10)).isValid()) {
        return t.left(10);
    }
    return {};
}

} // namespace Casegraph::Models
