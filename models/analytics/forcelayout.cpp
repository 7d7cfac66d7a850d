// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "forcelayout.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <numbers>
#include <random>

namespace Casegraph::Models {

namespace {

QString trLayout(const char *text)
{
    return QCoreApplication::translate("Casegraph::Models::ForceLayout", text);
}

constexpr double GoldenAngle = 2.39996322972865332;
/// Below this depth the quadtree stops splitting and chains the bodies of a leaf (coincident points).
constexpr int MaxTreeDepth = 30;

/// A Barnes-Hut quadtree over the current positions, rebuilt every iteration. Cells live in one
/// vector (children by index); a leaf holds one body, or at MaxTreeDepth a chain through `next`.
class QuadTree {
public:
    struct Cell {
        double sumX = 0, sumY = 0; ///< of the bodies inside; after build() the centre of mass
        double mass = 0;
        double cx = 0, cy = 0, half = 0; ///< the square
        qint32 firstChild = -1;          ///< four consecutive cells, or -1 for a leaf
        qint32 body = -1;                ///< a leaf's first body
    };

    /// Over every body, or over `subset` only (indexes into x and y; not empty).
    void build(const std::vector<double> &x, const std::vector<double> &y, const std::vector<qint32> *subset = nullptr)
    {
        const auto n = qint32(subset ? subset->size() : x.size());
        const auto body = [&](qint32 j) { return subset ? (*subset)[size_t(j)] : j; };
        m_cells.clear();
        m_next.assign(x.size(), -1);
        double minX = x[size_t(body(0))], maxX = minX, minY = y[size_t(body(0))], maxY = minY;
        for (qint32 j = 1; j < n; ++j) {
            const qint32 i = body(j);
            minX = std::min(minX, x[size_t(i)]);
            maxX = std::max(maxX, x[size_t(i)]);
            minY = std::min(minY, y[size_t(i)]);
            maxY = std::max(maxY, y[size_t(i)]);
        }
        Cell root;
        root.cx = (minX + maxX) / 2;
        root.cy = (minY + maxY) / 2;
        root.half = std::max({maxX - minX, maxY - minY, 1e-6}) / 2 * 1.0001;
        m_cells.reserve(size_t(n) * 3);
        m_cells.push_back(root);
        for (qint32 j = 0; j < n; ++j) {
            const qint32 i = body(j);
            insert(i, x[size_t(i)], y[size_t(i)]);
        }
        for (Cell &c : m_cells) {
            if (c.mass > 0) {
                c.sumX /= c.mass;
                c.sumY /= c.mass;
            }
        }
    }

    /// Repulsion on body i (FR: k²/d, directed away), added to fx, fy.
    void repulse(qint32 i, double xi, double yi, const std::vector<double> &x, const std::vector<double> &y, double k2,
                 double theta2, double &fx, double &fy)
    {
        // Depth-first with an explicit stack: at most 3 entries per level stay pending.
        qint32 stack[4 * (MaxTreeDepth + 2)];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Cell &c = m_cells[size_t(stack[--top])];
            if (c.mass == 0) {
                continue;
            }
            if (c.firstChild < 0) {
                for (qint32 b = c.body; b >= 0; b = m_next[size_t(b)]) {
                    if (b != i) {
                        pair(i, b, xi - x[size_t(b)], yi - y[size_t(b)], k2, fx, fy);
                    }
                }
                continue;
            }
            const double dx = xi - c.sumX;
            const double dy = yi - c.sumY;
            const double d2 = dx * dx + dy * dy;
            const double size = 2 * c.half;
            if (size * size < theta2 * d2) {
                const double f = c.mass * k2 / d2; // k²/d along (dx, dy)/d
                fx += f * dx;
                fy += f * dy;
            } else {
                for (qint32 q = 0; q < 4; ++q) {
                    stack[top++] = c.firstChild + q;
                }
            }
        }
    }

    static void pair(qint32 i, qint32 j, double dx, double dy, double k2, double &fx, double &fy)
    {
        double d2 = dx * dx + dy * dy;
        if (d2 < 1e-4) {
            // Coincident: push apart in a direction fixed by the pair, so that the result is deterministic.
            const double a = double((quint32(i) * 2654435761u) ^ (quint32(j) * 40503u)) / 4294967296.0 * 2 * std::numbers::pi;
            dx = std::cos(a) * 0.01;
            dy = std::sin(a) * 0.01;
            d2 = 1e-4;
        }
        const double f = k2 / d2;
        fx += f * dx;
        fy += f * dy;
    }

    size_t memoryBytes() const { return m_cells.capacity() * sizeof(Cell) + m_next.capacity() * sizeof(qint32); }

private:
    void insert(qint32 i, double x, double y)
    {
        qint32 c = 0;
        for (int depth = 0;; ++depth) {
            {
                Cell &cell = m_cells[size_t(c)];
                cell.sumX += x;
                cell.sumY += y;
                cell.mass += 1;
                if (cell.firstChild >= 0) {
                    c = cell.firstChild + quadrant(cell, x, y);
                    continue;
                }
                if (cell.body < 0) {
                    cell.body = i;
                    return;
                }
                if (depth >= MaxTreeDepth) {
                    m_next[size_t(i)] = cell.body;
                    cell.body = i;
                    return;
                }
            }
            // Split the leaf: its single body moves one level down, then i continues from here.
            const qint32 first = qint32(m_cells.size());
            const Cell parent = m_cells[size_t(c)];
            for (int q = 0; q < 4; ++q) {
                Cell child;
                child.half = parent.half / 2;
                child.cx = parent.cx + ((q & 1) ? child.half : -child.half);
                child.cy = parent.cy + ((q & 2) ? child.half : -child.half);
                m_cells.push_back(child);
            }
            Cell &cell = m_cells[size_t(c)];
            cell.firstChild = first;
            const qint32 moved = cell.body;
            cell.body = -1;
            const double mx = parent.sumX - x; // the moved body's position: the sums held only it
            const double my = parent.sumY - y;
            Cell &target = m_cells[size_t(first + quadrant(parent, mx, my))];
            target.sumX = mx;
            target.sumY = my;
            target.mass = 1;
            target.body = moved;
            c = first + quadrant(parent, x, y);
            // The loop adds i to c's sums.
        }
    }

    static qint32 quadrant(const Cell &c, double x, double y) { return (x >= c.cx ? 1 : 0) | (y >= c.cy ? 2 : 0); }

    std::vector<Cell> m_cells;
    std::vector<qint32> m_next;
};

/// Undirected adjacency in compressed form (self-loops dropped).
struct Adjacency {
    std::vector<qint32> offsets;
    std::vector<qint32> targets;

    explicit Adjacency(const LayoutGraph &g)
    {
        offsets.assign(size_t(g.nodeCount) + 1, 0);
        for (const auto &[a, b] : g.edges) {
            if (a != b) {
                ++offsets[size_t(a) + 1];
                ++offsets[size_t(b) + 1];
            }
        }
        std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
        targets.resize(size_t(offsets.back()));
        std::vector<qint32> fill(offsets.begin(), offsets.end() - 1);
        for (const auto &[a, b] : g.edges) {
            if (a != b) {
                targets[size_t(fill[size_t(a)]++)] = b;
                targets[size_t(fill[size_t(b)]++)] = a;
            }
        }
    }
    qint32 degree(qint32 v) const { return offsets[size_t(v) + 1] - offsets[size_t(v)]; }
};

/// Gives every unplaced node a start: the mean of its placed neighbours plus a random offset, in
/// breadth-first waves from the placed nodes; a component with no placed node starts from its
/// highest-degree node, put on a golden-angle spiral outside what is already placed.
void placeUnplaced(const Adjacency &adj, std::vector<double> &x, std::vector<double> &y, std::vector<char> &placed,
                   double k, std::mt19937 &rng)
{
    const auto n = qint32(x.size());
    std::uniform_real_distribution<double> angle(0, 2 * std::numbers::pi);
    std::uniform_real_distribution<double> spread(0.5, 1.0);
    std::vector<qint32> queue;
    queue.reserve(size_t(n));
    double cx = 0, cy = 0, radius = 0;
    qint32 placedCount = 0;
    for (qint32 i = 0; i < n; ++i) {
        if (placed[size_t(i)]) {
            queue.push_back(i);
            cx += x[size_t(i)];
            cy += y[size_t(i)];
            ++placedCount;
        }
    }
    if (placedCount == n) {
        return;
    }
    if (placedCount > 0) {
        cx /= placedCount;
        cy /= placedCount;
        for (qint32 i = 0; i < n; ++i) {
            if (placed[size_t(i)]) {
                radius = std::max(radius, std::hypot(x[size_t(i)] - cx, y[size_t(i)] - cy));
            }
        }
        radius += k;
    }
    std::vector<qint32> roots(static_cast<size_t>(n));
    std::iota(roots.begin(), roots.end(), 0);
    std::stable_sort(roots.begin(), roots.end(), [&](qint32 a, qint32 b) { return adj.degree(a) > adj.degree(b); });
    auto nextRoot = roots.cbegin();
    qint32 spiral = 0;
    size_t head = 0;
    for (;;) {
        while (head < queue.size()) {
            const qint32 u = queue[head++];
            for (qint32 e = adj.offsets[size_t(u)]; e < adj.offsets[size_t(u) + 1]; ++e) {
                const qint32 v = adj.targets[size_t(e)];
                if (placed[size_t(v)]) {
                    continue;
                }
                double mx = 0, my = 0;
                int m = 0;
                for (qint32 f = adj.offsets[size_t(v)]; f < adj.offsets[size_t(v) + 1]; ++f) {
                    const qint32 w = adj.targets[size_t(f)];
                    if (placed[size_t(w)]) {
                        mx += x[size_t(w)];
                        my += y[size_t(w)];
                        ++m;
                    }
                }
                const double a = angle(rng);
                const double r = k * (m > 1 ? 0.3 : spread(rng));
                x[size_t(v)] = mx / m + r * std::cos(a);
                y[size_t(v)] = my / m + r * std::sin(a);
                placed[size_t(v)] = 1;
                queue.push_back(v);
            }
        }
        while (nextRoot != roots.cend() && placed[size_t(*nextRoot)]) {
            ++nextRoot;
        }
        if (nextRoot == roots.cend()) {
            return;
        }
        const qint32 root = *nextRoot;
        const double r = (placedCount == 0 && spiral == 0) ? 0 : radius + k * std::sqrt(double(spiral + 1)) * 2;
        x[size_t(root)] = cx + r * std::cos(spiral * GoldenAngle);
        y[size_t(root)] = cy + r * std::sin(spiral * GoldenAngle);
        placed[size_t(root)] = 1;
        queue.push_back(root);
        ++spiral;
    }
}

} // namespace

Status forceLayout(const LayoutGraph &g, std::vector<QPointF> &positions, const std::vector<bool> &pinned,
                   const ForceLayoutOptions &options, const std::function<bool(int done, int total)> &progress)
{
    const qsizetype n = g.nodeCount;
    if (n < 0 || n > std::numeric_limits<qint32>::max() / 4) {
        return Error{trLayout("cannot lay out %1 nodes").arg(n)};
    }
    if (!positions.empty() && qsizetype(positions.size()) != n) {
        return Error{trLayout("%1 positions given for %2 nodes").arg(positions.size()).arg(n)};
    }
    if (!pinned.empty() && qsizetype(pinned.size()) != n) {
        return Error{trLayout("%1 pinned flags given for %2 nodes").arg(pinned.size()).arg(n)};
    }
    for (const auto &[a, b] : g.edges) {
        if (a < 0 || b < 0 || a >= n || b >= n) {
            return Error{trLayout("edge %1–%2 names a node outside 0–%3").arg(a).arg(b).arg(n - 1)};
        }
    }
    if (!(options.edgeLength > 0) || options.theta < 0 || options.iterations < 0) {
        return Error{trLayout("edge length must be positive, theta and iterations not negative")};
    }
    if (n == 0) {
        positions.clear();
        return {};
    }

    const double k = options.edgeLength;
    std::mt19937 rng(options.seed);
    std::vector<double> x(size_t(n), 0), y(size_t(n), 0);
    std::vector<char> placed(size_t(n), 0);
    qsizetype placedCount = 0;
    for (qsizetype i = 0; i < qsizetype(positions.size()); ++i) {
        const QPointF &p = positions[size_t(i)];
        if (!std::isnan(p.x()) && !std::isnan(p.y())) {
            x[size_t(i)] = p.x();
            y[size_t(i)] = p.y();
            placed[size_t(i)] = 1;
            ++placedCount;
        }
    }
    const bool incremental = placedCount > 0;
    // Old nodes are held by a spring to where they were; new ones move freely.
    const std::vector<char> wasPlaced = placed;
    const std::vector<double> anchorX = x, anchorY = y;
    const Adjacency adj(g);
    placeUnplaced(adj, x, y, placed, k, rng);

    std::vector<char> fixed(size_t(n), 0);
    qsizetype movable = 0;
    for (qsizetype i = 0; i < n; ++i) {
        fixed[size_t(i)] = !pinned.empty() && pinned[size_t(i)];
        movable += fixed[size_t(i)] ? 0 : 1;
    }
    const double newShare = double(n - placedCount) / double(n);
    int iterations = options.iterations;
    if (iterations == 0) {
        // Enough for a full layout of a few thousand nodes from the breadth-first start; large graphs
        // get fewer so that 10,000 nodes stay within about a second; a few new nodes need few.
        const double work = double(n) * std::log2(double(n) + 2);
        iterations = int(std::clamp(2.0e7 / work, 80.0, 400.0));
        if (incremental) {
            iterations = std::max(40, int(iterations * std::max(0.25, newShare)));
        }
    }

    // Centre of gravity: where the placed nodes were, else the start's centre.
    double gx = 0, gy = 0;
    for (qsizetype i = 0; i < n; ++i) {
        gx += x[size_t(i)];
        gy += y[size_t(i)];
    }
    gx /= double(n);
    gy /= double(n);
    double extent = 0;
    for (qsizetype i = 0; i < n; ++i) {
        extent = std::max(extent, std::hypot(x[size_t(i)] - gx, y[size_t(i)] - gy));
    }

    const double k2 = k * k;
    const double theta2 = options.theta * options.theta;
    const double gravity = 0.01;
    const double anchor = 5.0;
    const double oldMobility = 0.1;
    const double tStart = incremental ? k : std::max(k, extent / 10);
    const double tEnd = k * 0.01;
    std::vector<double> fx(static_cast<size_t>(n)), fy(static_cast<size_t>(n));
    // With newcomers, the nodes placed before feel only the newcomers (and their anchor): the forces
    // among them were settled by the layout that placed them, and a large layout is never fully
    // settled (FR keeps expanding it slowly), so letting them act again would drift the whole chart.
    // Without newcomers every force acts (a refinement of the given positions, still anchored).
    std::vector<qint32> fresh;
    for (qint32 i = 0; i < qint32(n); ++i) {
        if (!wasPlaced[size_t(i)]) {
            fresh.push_back(i);
        }
    }
    const bool onlyNewcomers = incremental && !fresh.empty();
    QuadTree tree;
    QuadTree freshTree;
    for (int it = 0; it < iterations && movable > 0; ++it) {
        if (progress && !progress(it, iterations)) {
            return Error{trLayout("layout cancelled")};
        }
        const double t = tStart * std::pow(tEnd / tStart, double(it) / std::max(1, iterations - 1));
        tree.build(x, y);
        if (onlyNewcomers) {
            freshTree.build(x, y, &fresh);
        }
        for (qint32 i = 0; i < qint32(n); ++i) {
            double rx = 0, ry = 0;
            if (!fixed[size_t(i)]) {
                const bool settled = onlyNewcomers && wasPlaced[size_t(i)];
                (settled ? freshTree : tree).repulse(i, x[size_t(i)], y[size_t(i)], x, y, k2, theta2, rx, ry);
                if (!settled) {
                    rx += gravity * (gx - x[size_t(i)]);
                    ry += gravity * (gy - y[size_t(i)]);
                }
                if (wasPlaced[size_t(i)]) {
                    rx += anchor * (anchorX[size_t(i)] - x[size_t(i)]);
                    ry += anchor * (anchorY[size_t(i)] - y[size_t(i)]);
                }
            }
            fx[size_t(i)] = rx;
            fy[size_t(i)] = ry;
        }
        for (const auto &[a, b] : g.edges) {
            if (a == b || (onlyNewcomers && wasPlaced[size_t(a)] && wasPlaced[size_t(b)])) {
                continue;
            }
            const double dx = x[size_t(b)] - x[size_t(a)];
            const double dy = y[size_t(b)] - y[size_t(a)];
            const double d = std::sqrt(dx * dx + dy * dy);
            const double f = d / k; // d²/k along (dx, dy)/d
            // A new node follows its placed neighbour; the placed one hardly notices the newcomer.
            const double fa = wasPlaced[size_t(a)] && !wasPlaced[size_t(b)] ? f * oldMobility : f;
            const double fb = wasPlaced[size_t(b)] && !wasPlaced[size_t(a)] ? f * oldMobility : f;
            fx[size_t(a)] += fa * dx;
            fy[size_t(a)] += fa * dy;
            fx[size_t(b)] -= fb * dx;
            fy[size_t(b)] -= fb * dy;
        }
        for (qsizetype i = 0; i < n; ++i) {
            if (fixed[size_t(i)]) {
                continue;
            }
            const double len = std::hypot(fx[size_t(i)], fy[size_t(i)]);
            if (len <= 0 || !std::isfinite(len)) {
                continue;
            }
            const double step = std::min(len, wasPlaced[size_t(i)] ? t * oldMobility : t);
            x[size_t(i)] += fx[size_t(i)] / len * step;
            y[size_t(i)] += fy[size_t(i)] / len * step;
        }
    }
    if (progress && !progress(iterations, iterations)) {
        return Error{trLayout("layout cancelled")};
    }
    positions.resize(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        positions[size_t(i)] = QPointF(x[size_t(i)], y[size_t(i)]);
    }
    return {};
}

} // namespace Casegraph::Models
