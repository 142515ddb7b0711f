"""The desk's state without a screen: rows, filters, sort, counts, undo, writes in flight."""

from __future__ import annotations

import pytest

from factcheck.tui.desk import ClaimRow, DeskState, Undo

ARTICLE = {"id": 7, "title": "T", "language": "fr", "text": ""}


def record(seq: int, status: str = "pending", worth: float = 0.5, text: str | None = None,
           sources: int = 0) -> tuple:
    """A row as the store's claim_rows gives it."""
    return (100 + seq, seq, status, worth, 1, text or f"claim number {seq}", sources)


class Source:
    """The store's two reads, over a list of records; remembers what was read."""

    def __init__(self, records: list[tuple]) -> None:
        self.records = records
        self.reads: list[tuple[int, int]] = []

    def claim_rows(self, article_id: int, *, limit: int = -1, after_seq: int = 0) -> list:
        self.reads.append((limit, after_seq))
        rows = [r for r in self.records if r[1] > after_seq]
        return rows if limit < 0 else rows[:limit]

    def claim_count(self, article_id: int) -> int:
        return len(self.records)


class Desk:
    """A state and what it told its listeners."""

    def __init__(self, records: list[tuple]) -> None:
        self.source = Source(records)
        self.listed: list[int | None] = []
        self.all_read: list[list[int]] = []
        self.state = DeskState(self.source, on_listed=self.listed.append,
                               on_all_read=lambda a, rows: self.all_read.append(
                                   [r.id for r in rows]))

    def seqs(self) -> list[int]:
        return [r.seq for r in self.state.visible]


@pytest.fixture
def desk() -> Desk:
    d = Desk([record(1, worth=0.2, text="Meta paid 14,3 milliards"),
              record(2, "verified", worth=0.9, text="Scale AI hired 300 people"),
              record(3, worth=0.9, text="Le PIB a crû de 2 %"),
              record(4, "disputed", worth=0.1, text="SCALE is everything")])
    d.state.open(ARTICLE)
    return d


def test_opening_lists_every_row_in_article_order_and_counts_them(desk):
    assert desk.seqs() == [1, 2, 3, 4] and desk.listed == [None]
    assert desk.state.counts() == {"pending": 2, "verified": 1, "disputed": 1}
    assert desk.state.total == desk.state.listed_total == 4
    assert desk.all_read == [[101, 102, 103, 104]]
    assert desk.state.row(103).text == "Le PIB a crû de 2 %"


def test_the_text_filter_ignores_case_and_the_status_filter_cycles(desk):
    state = desk.state
    state.set_text_filter("  scale ")
    assert desk.seqs() == [2, 4] and state.text_filter == "scale"
    state.set_text_filter("")
    assert [state.cycle_status() for _ in range(4)] == ["pending", "verified", "disputed", None]
    state.cycle_status()
    assert desk.seqs() == [1, 3]
    state.set_text_filter("PIB")
    assert desk.seqs() == [3]
    assert state.listed_total == 1 and state.total == 4


def test_sorting_by_worthiness_breaks_ties_by_position_and_survives_clearing(desk):
    state = desk.state
    state.toggle_sort()
    assert desk.seqs() == [2, 3, 1, 4]
    state.cycle_status()
    state.clear_filters()
    assert desk.seqs() == [2, 3, 1, 4] and state.status_filter is None
    state.toggle_sort()
    assert desk.seqs() == [1, 2, 3, 4]


def test_every_change_of_what_is_listed_tells_the_listener_once(desk):
    desk.listed.clear()
    desk.state.set_text_filter("a")
    desk.state.cycle_status()
    desk.state.toggle_sort()
    desk.state.clear_filters(keep_claim=104)
    assert desk.listed == [None, None, None, 104]


def test_a_marked_row_stays_listed_until_the_filters_change(desk):
    state = desk.state
    state.cycle_status()  # pending
    row = state.row(101)
    state.set_status(row, "verified")
    assert desk.seqs() == [1, 3]  # the cursor does not jump under the editor
    state.set_text_filter("")
    assert desk.seqs() == [3]


def test_counts_follow_status_changes_and_are_recounted_for_new_rows(desk):
    state = desk.state
    state.set_status(state.row(101), "verified")
    state.set_status(state.row(104), "pending")
    assert state.counts() == {"pending": 2, "verified": 2, "disputed": 0}
    state.load(ARTICLE, [ClaimRow.from_record(record(9, "disputed"))])
    assert state.counts() == {"pending": 0, "verified": 0, "disputed": 1}
    assert len(desk.all_read) == 1  # rows given, not read: nobody is told to look them up


def test_a_long_article_lists_its_first_rows_then_the_rest():
    desk = Desk([record(i, "verified" if i == 1 else "pending") for i in range(1, 11)])
    state = desk.state
    state.open(ARTICLE, first_rows=3)
    assert desk.seqs() == [1, 2, 3] and state.partial and state.counting
    assert state.total == state.listed_total == 10 and desk.all_read == []
    first = list(state.visible)
    state.finish_reading()
    assert desk.seqs() == list(range(1, 11)) and not state.partial and not state.counting
    assert state.rows[:3] == first and state.rows[0] is first[0]  # the same objects
    assert desk.all_read == [[100 + i for i in range(1, 11)]]
    assert desk.source.reads == [(3, 0), (-1, 3)]
    assert state.counts()["verified"] == 1


def test_rows_asked_for_early_are_read_but_the_list_waits_for_finish_reading():
    desk = Desk([record(i) for i in range(1, 11)])
    state = desk.state
    state.open(ARTICLE, first_rows=3)
    assert state.row(110).seq == 10  # read on demand
    assert state.partial and desk.seqs() == [1, 2, 3]
    state.finish_reading()
    assert len(state.visible) == 10 and len(desk.all_read) == 1


def test_short_articles_filters_and_a_claim_to_keep_read_every_row_at_once():
    desk = Desk([record(i) for i in range(1, 4)])
    desk.state.open(ARTICLE, first_rows=5)
    assert not desk.state.partial and desk.source.reads == [(5, 0)]
    desk = Desk([record(i) for i in range(1, 11)])
    desk.state.toggle_sort()
    desk.state.open(ARTICLE, first_rows=3)
    assert not desk.state.partial and len(desk.state.visible) == 10
    desk = Desk([record(i) for i in range(1, 11)])
    desk.state.open(ARTICLE, first_rows=3, keep_claim=109)
    assert not desk.state.partial and desk.listed[-1] == 109


def test_opening_another_article_can_reset_the_filters(desk):
    desk.state.set_text_filter("scale")
    desk.state.cycle_status()
    desk.state.open(ARTICLE, reset_filters=True)
    assert desk.state.text_filter == "" and desk.state.status_filter is None
    assert desk.seqs() == [1, 2, 3, 4]


def test_no_article_lists_nothing(desk):
    desk.state.open(None)
    assert desk.state.article is None and desk.state.visible == [] and desk.state.rows == []
    assert desk.state.counts() == {"pending": 0, "verified": 0, "disputed": 0}


def test_writes_in_flight_expect_the_versions_before_them(desk):
    state = desk.state
    row = state.row(101)
    assert [state.begin_write(row) for _ in range(3)] == [1, 2, 3] and row.saving
    state.end_write(101)
    state.committed(101, "verified")
    assert row.saving and row.version == 2 and row.status == "verified"
    state.end_write(101)
    state.end_write(101)
    assert not row.saving
    state.begin_write(row)
    state.end_write(101)
    state.refused(101, {"status": "disputed", "version": 9})
    assert (row.status, row.version, row.saving) == ("disputed", 9, False)
    assert state.counts()["disputed"] == 2


def test_notes_and_links_change_versions_and_counts(desk):
    state = desk.state
    state.note_saved(102)
    state.links_changed(102, +1)
    state.links_changed(103, -1)
    assert (state.row(102).version, state.row(102).sources, state.row(103).sources) == (2, 1, 0)
    state.note_saved(999)  # another article's claim: nothing to change


def test_undo_takes_back_the_latest_change_first(desk):
    state = desk.state
    assert state.pop_undo() is None
    state.push_undo(Undo(101, 7, "claim 1 back to pending", previous="pending", event_id=1))
    state.push_undo(Undo(102, 7, "claim 2 back to pending", previous="pending", event_id=2))
    assert [state.pop_undo().event_id, state.pop_undo().event_id] == [2, 1]
    assert state.pop_undo() is None


def test_other_editors_changes_merge_except_where_a_write_of_ours_is_in_flight(desk):
    state = desk.state
    state.begin_write(state.row(103))
    changed = state.merge([(101, "verified", 2), (102, "verified", 1), (103, "disputed", 5),
                           (104, "disputed", 1)], {104: 2})
    assert changed
    assert [r.status for r in state.rows] == ["verified", "verified", "pending", "disputed"]
    assert state.row(104).sources == 2 and state.row(103).version == 1
    assert state.counts() == {"pending": 1, "verified": 2, "disputed": 1}
    assert not state.merge([(101, "verified", 2), (102, "verified", 1), (104, "disputed", 1)],
                           {104: 2})


def test_duplicate_marks_are_set_and_cleared(desk):
    desk.state.set_duplicate_marks({101: (2, 1)})
    assert (desk.state.row(101).dupes, desk.state.row(101).conflicts) == (2, 1)
    desk.state.set_duplicate_marks({})
    assert (desk.state.row(101).dupes, desk.state.row(101).conflicts) == (0, 0)


def test_a_row_shows_its_text_on_one_line():
    row = ClaimRow.from_record((1, 1, "pending", 0.5, 1, "  Deux\nlignes\t et  plus ", 3))
    assert row.text == "Deux lignes et plus" and row.sources == 3 and not row.saving
