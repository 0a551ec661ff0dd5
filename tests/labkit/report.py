"""The catalogue's catch rate, printed in pytest's terminal summary (visible without -s)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    entry_id: str
    kind: str
    lost: set[str]  # test cells that scored less than their points
    loses: set[str]  # test cells the entry declares it loses


@dataclass
class CatalogueReport:
    """Collects each graded catalogue entry; a pytest plugin once registered."""

    rows: list[Row] = field(default_factory=list)

    def add(self, entry_id: str, kind: str, lost: set[str], loses: set[str]) -> None:
        self.rows.append(Row(entry_id, kind, set(lost), set(loses)))

    def lines(self) -> list[str]:
        out = []
        labs = sorted({row.entry_id.split("/")[0] for row in self.rows})
        for lab in labs + ["all"]:
            rows = [r for r in self.rows if lab == "all" or r.entry_id.startswith(lab + "/")]
            wrong = [r for r in rows if r.kind == "wrong"]
            correct = [r for r in rows if r.kind == "correct"]
            caught = [r for r in wrong if r.lost]
            exact = [r for r in wrong if r.lost == r.loses]
            full = [r for r in correct if not r.lost]
            rate = 100.0 * len(caught) / len(wrong) if wrong else 100.0
            out.append(
                f"{lab}: catch rate {rate:.0f}% ({len(caught)}/{len(wrong)} wrong submissions "
                f"lose points, {len(exact)}/{len(wrong)} exactly the declared tests); "
                f"{len(full)}/{len(correct)} correct alternatives score full marks"
            )
        for row in self.rows:
            expected = row.loses if row.kind == "wrong" else set()
            if row.lost != expected:
                out.append(
                    f"  {row.entry_id}: lost {sorted(row.lost)}, declared {sorted(expected)}"
                )
        return out

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.rows:
            terminalreporter.write_sep("=", "lab submissions catalogue")
            for line in self.lines():
                terminalreporter.write_line(line)
