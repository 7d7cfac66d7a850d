// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/graphfixture.h"

namespace Casegraph::Tests {

/// A small ownership network for the exposure model and dock tests, written into `f`:
///  - chain: X Trading (listed, OFAC SDN) —50%→ A Holdings —50%→ B Components: A and B restricted;
///    X's stake in A has 2 excerpts, A's in B 1;
///  - FAQ 401: Y Group (listed, BIS Entity List) holds 25% of P and of Q, which hold 50% each of R:
///    P and Q are not restricted (reported, worst case 25%), R is not reported;
///  - ranged: X holds "between 25% and 60%" of U Logistics: undetermined.
inline void buildExposureNetwork(GraphFixture &f)
{
    f.node(QStringLiteral("x"), QStringLiteral("Company"), QStringLiteral("X Trading"));
    f.node(QStringLiteral("a"), QStringLiteral("Company"), QStringLiteral("A Holdings"));
    f.node(QStringLiteral("b"), QStringLiteral("Company"), QStringLiteral("B Components"));
    f.node(QStringLiteral("y"), QStringLiteral("Company"), QStringLiteral("Y Group"));
    f.node(QStringLiteral("p"), QStringLiteral("Company"), QStringLiteral("P Partners"));
    f.node(QStringLiteral("q"), QStringLiteral("Company"), QStringLiteral("Q Ventures"));
    f.node(QStringLiteral("r"), QStringLiteral("Company"), QStringLiteral("R Joint Venture"));
    f.node(QStringLiteral("u"), QStringLiteral("Company"), QStringLiteral("U Logistics"));
    f.sanction(QStringLiteral("sx"), QStringLiteral("x"), QStringLiteral("OFAC"), QStringLiteral("SDN"));
    f.sanction(QStringLiteral("sy"), QStringLiteral("y"), QStringLiteral("Bureau of Industry and Security"),
               QStringLiteral("Entity List"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("50%"));
    f.evidence(QStringLiteral("xa"), 2);
    f.evidence(QStringLiteral("ab"), 1);
    f.ownership(QStringLiteral("yp"), QStringLiteral("y"), QStringLiteral("p"), QStringLiteral("25%"));
    f.ownership(QStringLiteral("yq"), QStringLiteral("y"), QStringLiteral("q"), QStringLiteral("25%"));
    f.ownership(QStringLiteral("pr"), QStringLiteral("p"), QStringLiteral("r"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("qr"), QStringLiteral("q"), QStringLiteral("r"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("xu"), QStringLiteral("x"), QStringLiteral("u"), QStringLiteral("between 25% and 60%"));
}

} // namespace Casegraph::Tests
