"""DNA's network formulas re-implemented on their own, to check stancegraph against.

Read straight from a DNA 3 database with sqlite3 (no stancegraph code), then computed as DNA 3's
Java does (github leifeld/dna, ``dna/src/main/java/export/Exporter.java``):

* :func:`filter_statements` is ``Exporter.filterStatements``: statements sorted as
  ``model/Statement.compareTo`` (time, document id, start, stop, statement id), those
  with an empty first or second variable dropped, and a statement dropped when one kept before
  has the same two variables (and qualifier, unless the aggregation is "ignore") in the same
  document / calendar week / month / year / anywhere. As DNA's code, week, month and year
  compare only the week, month or year number (not the year of a week or month);
* :func:`create_array` is ``Exporter.createArray``: counts by variable 1 x variable 2 x qualifier
  value (0, 1 for a boolean qualifier);
* :func:`one_mode` is ``Exporter.computeOneModeMatrix`` (aggregations ignore, congruence,
  conflict, subtract; normalisations no, average, jaccard, cosine);
* :func:`two_mode` is ``Exporter.computeTwoModeMatrix`` (aggregations ignore, subtract, combine;
  no normalisation).

Edges are the non-zero cells, as ``Exporter.exportGraphml`` writes them (one-mode: i < j).
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

ONE_MODE = ("ignore", "congruence", "conflict", "subtract")
TWO_MODE = ("ignore", "subtract", "combine")
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")
DUPLICATES = ("include", "document", "week", "month", "year", "acrossrange")


def load(path, statement_type: str = "DNA Statement", variable1: str = "organization",
         variable2: str = "concept", qualifier: str = "agreement") -> list[dict]:
    """The statements of ``statement_type`` as dicts: id, doc, start, stop, time, v1, v2, q."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (type_id,) = con.execute("SELECT ID FROM STATEMENTTYPES WHERE Label = ?", (statement_type,)).fetchone()
        dates = dict(con.execute("SELECT ID, Date FROM DOCUMENTS"))
        values: dict[int, dict] = {}
        for sid, var, val in con.execute(
                "SELECT d.StatementId, v.Variable, e.Value FROM DATASHORTTEXT d "
                "JOIN VARIABLES v ON v.ID = d.VariableId JOIN ENTITIES e ON e.ID = d.Entity"):
            values.setdefault(sid, {})[var] = val
        for table in ("DATABOOLEAN", "DATAINTEGER"):
            for sid, var, val in con.execute(f"SELECT d.StatementId, v.Variable, d.Value FROM {table} d "
                                             "JOIN VARIABLES v ON v.ID = d.VariableId"):
                values.setdefault(sid, {})[var] = val
        out = []
        for sid, doc, start, stop in con.execute(
                "SELECT ID, DocumentId, Start, Stop FROM STATEMENTS WHERE StatementTypeId = ? ORDER BY ID", (type_id,)):
            v = values.get(sid, {})
            out.append({"id": sid, "doc": doc, "start": start, "stop": stop,
                        "time": datetime.fromtimestamp(dates[doc], tz=timezone.utc),
                        "v1": v.get(variable1, ""), "v2": v.get(variable2, ""), "q": int(v[qualifier])})
        return out
    finally:
        con.close()


def filter_statements(statements: list[dict], duplicates: str, aggregation: str) -> list[dict]:
    kept: list[dict] = []
    # model/Statement.compareTo: by date and time, document id, start, stop, statement id
    for s in sorted(statements, key=lambda s: (s["time"], s["doc"], s["start"], s["stop"], s["id"])):
        if s["v1"] == "" or s["v2"] == "":
            continue
        duplicate = False
        if duplicates != "include":
            for p in reversed(kept):
                same_range = ((duplicates == "document" and p["doc"] == s["doc"]) or duplicates == "acrossrange"
                              or (duplicates == "year" and p["time"].year == s["time"].year)
                              or (duplicates == "month" and p["time"].month == s["time"].month)
                              or (duplicates == "week" and p["time"].isocalendar()[1] == s["time"].isocalendar()[1]))
                if (same_range and p["v1"] == s["v1"] and p["v2"] == s["v2"]
                        and (aggregation == "ignore" or p["q"] == s["q"])):
                    duplicate = True
                    break
        if not duplicate:
            kept.append(s)
    return kept


def create_array(kept: list[dict]):
    names1 = sorted({s["v1"] for s in kept})
    names2 = sorted({s["v2"] for s in kept})
    qualifier_values = [0, 1]
    array = [[[0.0] * len(qualifier_values) for _ in names2] for _ in names1]
    for s in kept:
        array[names1.index(s["v1"])][names2.index(s["v2"])][qualifier_values.index(s["q"])] += 1.0
    return names1, names2, qualifier_values, array


def one_mode(statements: list[dict], aggregation: str = "ignore", normalization: str = "no",
             duplicates: str = "include") -> dict[tuple[str, str], float]:
    """Edges ``(name_i, name_j) -> weight`` (``name_i < name_j``) of DNA's one-mode network."""
    names1, names2, qv, a = create_array(filter_statements(statements, duplicates, aggregation))
    rng = abs(qv[-1] - qv[0])
    edges = {}
    for i1 in range(len(names1)):
        for i2 in range(i1 + 1, len(names1)):
            m1 = m2 = 0.0
            for j in range(len(names2)):
                if aggregation == "ignore":
                    m1 += sum(a[i1][j]) * sum(a[i2][j])
                if aggregation in ("congruence", "subtract"):
                    m1 += sum(a[i1][j][k1] * a[i2][j][k2] * (1.0 - abs(qv[k1] - qv[k2]) / rng)
                              for k1 in range(len(qv)) for k2 in range(len(qv)))
                if aggregation in ("conflict", "subtract"):
                    m2 += sum(a[i1][j][k1] * a[i2][j][k2] * (abs(qv[k1] - qv[k2]) / rng)
                              for k1 in range(len(qv)) for k2 in range(len(qv)))
            c1 = sum(sum(cell) for cell in a[i1])
            c2 = sum(sum(cell) for cell in a[i2])
            if normalization == "average":
                norm = (c1 + c2) / 2
            elif normalization == "jaccard":
                m10 = sum(a[i1][j][k] for j in range(len(names2)) for k in range(len(qv)) if a[i2][j][k] == 0)
                m01 = sum(a[i2][j][k] for j in range(len(names2)) for k in range(len(qv)) if a[i1][j][k] == 0)
                m11 = sum(a[i1][j][k] * a[i2][j][k] for j in range(len(names2)) for k in range(len(qv))
                          if a[i1][j][k] > 0 and a[i2][j][k] > 0)
                norm = m10 + m01 + m11
            elif normalization == "cosine":
                norm = (c1 * c1) ** 0.5 * (c2 * c2) ** 0.5
            else:
                norm = 1.0
            m1, m2 = (0.0, 0.0) if norm == 0 else (m1 / norm, m2 / norm)
            w = m2 if aggregation == "conflict" else m1 - m2 if aggregation == "subtract" else m1
            if w != 0:
                edges[(names1[i1], names1[i2])] = w
    return edges


def two_mode(statements: list[dict], aggregation: str = "ignore",
             duplicates: str = "include") -> dict[tuple[str, str], float]:
    """Edges ``(name of variable 1, name of variable 2) -> weight`` of DNA's two-mode network."""
    names1, names2, qv, a = create_array(filter_statements(statements, duplicates, aggregation))
    edges = {}
    for i, n1 in enumerate(names1):
        for j, n2 in enumerate(names2):
            if aggregation == "combine":
                used = [1 if a[i][j][k] > 0 else 0 for k in range(len(qv))]
                w = sum(2 ** (len(used) - k - 1) for k, u in enumerate(used) if u)  # Exporter.lexRank
            else:
                w = 0.0
                for k, q in enumerate(qv):
                    w += a[i][j][k] if aggregation == "ignore" or q > 0 else -a[i][j][k]
            if w != 0:
                edges[(n1, n2)] = w
    return edges
