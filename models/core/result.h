// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Casegraph::Models {

/// An error a user can act on: a translated reason and, where it applies, the file, line and column.
struct Error {
    QString message;
    QString file;
    qint64 line = 0;
    qint64 column = 0;

    /// "FILE:LINE[:COLUMN]: reason", or the plain reason when no file is known.
    QString toString() const
    {
        if (file.isEmpty()) {
            return message;
        }
        QString where = file;
        if (line > 0) {
            where += QLatin1Char(':') + QString::number(line);
            if (column > 0) {
                where += QLatin1Char(':') + QString::number(column);
            }
        }
        return where + QLatin1String(": ") + message;
    }
};

/// Either a value or an Error. Storage and importers return these instead of throwing,
/// so that callers (GUI, CLI) decide how to show a failure.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace Casegraph::Models
