//! The overlap policy, applied once to the layers' combined output:
//! - quotes may nest but not cross; of two crossing quotes the earlier (then longer) stays;
//! - entities do not overlap each other, nor do figures; the earlier (then longer) stays;
//! - entities and figures never cross: a figure wins over an entity it crosses (the rules
//!   that find figures are more precise than the tagger: "der dreihundert Billionste Stern"
//!   keeps its ordinal, not an entity "Billionste Stern"); containment is fine ("Zweiten
//!   Weltkrieg" contains its ordinal);
//! - a quote contains or is disjoint from every entity and figure: a crossing span is dropped.
//!
//! "Cross" means overlap without containment. Every step is a sort plus a linear sweep, so
//! texts with millions of spans stay fast.

use std::cmp::Reverse;

use crate::annotations::{Entity, Figure, FigureKind, Quote};

type Span = (usize, usize);

/// Fixed spans indexed by both ends, to find the ones crossing a query span.
struct Fixed {
    by_start: Vec<Span>,
    by_end: Vec<Span>,
}

impl Fixed {
    fn new(spans: impl Iterator<Item = Span>) -> Fixed {
        let mut by_start: Vec<Span> = spans.collect();
        let mut by_end = by_start.clone();
        by_start.sort_unstable();
        by_end.sort_unstable_by_key(|&(start, end)| (end, start));
        Fixed { by_start, by_end }
    }

    /// Whether some fixed span crosses `s`: one starts inside `s` and ends after it, or
    /// ends inside `s` and starts before it. Costs the number of fixed ends inside `s`.
    fn crossed_by(&self, s: Span) -> bool {
        let first = self.by_start.partition_point(|f| f.0 <= s.0);
        let starts_inside = self.by_start[first..].iter().take_while(|f| f.0 < s.1);
        let first = self.by_end.partition_point(|f| f.1 <= s.0);
        let mut ends_inside = self.by_end[first..].iter().take_while(|f| f.1 < s.1);
        starts_inside.clone().any(|f| f.1 > s.1) || ends_inside.any(|f| f.0 < s.0)
    }
}

fn sort_spans<T>(items: &mut [T], span: impl Fn(&T) -> Span) {
    items.sort_by_key(|item| {
        let (start, end) = span(item);
        (start, Reverse(end))
    });
}

/// Keeps non-overlapping spans that cross nothing in `fixed`, earliest (then longest) first.
fn keep_disjoint<T>(items: &mut Vec<T>, span: impl Fn(&T) -> Span, fixed: &Fixed) {
    sort_spans(items, &span);
    let mut last_end = 0;
    items.retain(|item| {
        let s = span(item);
        let keep = s.0 >= last_end && s.0 < s.1 && !fixed.crossed_by(s);
        if keep {
            last_end = s.1;
        }
        keep
    });
}

/// Keeps spans that nest or are disjoint, dropping any that crosses an earlier-kept one.
fn keep_laminar<T>(items: &mut Vec<T>, span: impl Fn(&T) -> Span) {
    sort_spans(items, &span);
    let mut open: Vec<Span> = Vec::new();
    items.retain(|item| {
        let s = span(item);
        while open.last().is_some_and(|top| top.1 <= s.0) {
            open.pop();
        }
        let keep = s.0 < s.1 && open.last().is_none_or(|top| s.1 <= top.1);
        if keep {
            open.push(s);
        }
        keep
    });
}

/// Applies the policy to the layers' spans. It runs before entities are grouped and speakers
/// linked (`annotator.rs`), so that the groups count only the mentions that stay and nothing
/// is renumbered afterwards.
pub(crate) fn resolve(
    quotes: &mut Vec<Quote>,
    figures: &mut Vec<Figure>,
    entities: &mut Vec<Entity>,
) {
    keep_laminar(quotes, |q| (q.start, q.end));
    let fixed_quotes = Fixed::new(quotes.iter().map(|q| (q.start, q.end)));
    keep_disjoint(figures, |f| (f.start, f.end), &fixed_quotes);
    let fixed = Fixed::new(
        quotes
            .iter()
            .map(|q| (q.start, q.end))
            .chain(figures.iter().map(|f| (f.start, f.end))),
    );
    keep_disjoint(entities, |e| (e.start, e.end), &fixed);
    mark_figure_units(figures, entities);
}

/// Marks the entities that lie inside a money figure: its currency ("Euro", "US-Dollar").
/// Both lists are sorted and disjoint within themselves, so one merge-like sweep finds them.
fn mark_figure_units(figures: &[Figure], entities: &mut [Entity]) {
    let mut money = figures
        .iter()
        .filter(|f| f.kind == FigureKind::Money)
        .map(|f| (f.start, f.end))
        .peekable();
    for entity in entities {
        while money.next_if(|&(_, end)| end <= entity.start).is_some() {}
        entity.figure_unit = money
            .peek()
            .is_some_and(|&(start, end)| start <= entity.start && entity.end <= end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The currency inside a money figure is marked; a name outside one, or inside a figure
    /// of another kind, is not.
    #[test]
    fn currencies_of_money_figures_are_marked() {
        use crate::annotations::{EntityLabel, FigureValue};
        let text = "Er zahlte 5 Euro in Berlin, 2025 Euro-Kurs, 3 Dollar.";
        let span = |s: &str| {
            let start = text.find(s).expect("in the text");
            (start, start + s.len())
        };
        let entity = |s: &str| {
            let (start, end) = span(s);
            Entity {
                start,
                end,
                label: EntityLabel::Other,
                text: s.to_string(),
                entity_id: 0,
                figure_unit: false,
            }
        };
        let figure = |s: &str, kind| {
            let (start, end) = span(s);
            Figure {
                start,
                end,
                kind,
                value: FigureValue::Number(0.0),
                text: s.to_string(),
                approx: None,
                modifier: None,
            }
        };
        let mut entities = vec![entity("Euro"), entity("Berlin"), entity("Dollar")];
        let mut figures = vec![
            figure("5 Euro", FigureKind::Money),
            figure("2025", FigureKind::Date),
            figure("3 Dollar", FigureKind::Money),
        ];
        resolve(&mut Vec::new(), &mut figures, &mut entities);
        let marked: Vec<(&str, bool)> = entities
            .iter()
            .map(|e| (e.text.as_str(), e.figure_unit))
            .collect();
        assert_eq!(
            marked,
            [("Euro", true), ("Berlin", false), ("Dollar", true)]
        );
    }

    #[test]
    fn finds_crossing_fixed_spans() {
        let fixed = Fixed::new([(10, 20), (30, 60), (35, 40)].into_iter());
        let cases = [
            ((12, 18), false), // inside
            ((5, 25), false),  // contains
            ((15, 25), true),  // crosses the end
            ((5, 15), true),   // crosses the start
            ((0, 10), false),  // touches
            ((36, 39), false), // inside two nested spans
            ((38, 45), true),  // crosses the inner one
            ((61, 70), false), // after all
        ];
        for (span, expected) in cases {
            assert_eq!(fixed.crossed_by(span), expected, "{span:?}");
        }
    }

    #[test]
    fn laminar_keeps_nesting_and_drops_crossing() {
        let mut spans = vec![(0, 10), (2, 5), (4, 12), (10, 20), (12, 15)];
        keep_laminar(&mut spans, |&s| s);
        assert_eq!(spans, [(0, 10), (2, 5), (10, 20), (12, 15)]);
    }

    /// A figure crossing an entity stays and the entity goes; contained spans both stay; a
    /// quote keeps what it contains and drops what crosses it.
    #[test]
    fn figures_win_over_crossing_entities() {
        use crate::annotations::{EntityLabel, FigureValue, QuoteKind};
        let entity = |start, end| Entity {
            start,
            end,
            label: EntityLabel::Organisation,
            text: String::new(),
            entity_id: 0,
            figure_unit: false,
        };
        let figure = |start, end| Figure {
            start,
            end,
            kind: FigureKind::Ordinal,
            value: FigureValue::Number(3.0),
            text: String::new(),
            approx: None,
            modifier: None,
        };
        let quote = |start, end| Quote {
            start,
            end,
            kind: QuoteKind::Direct,
            text: String::new(),
            speaker: None,
            cue: None,
            group: None,
        };
        // The first entity crosses the first figure; the second contains the second figure;
        // the third lies in the quote, the fourth crosses it.
        let mut entities = vec![
            entity(10, 30),
            entity(40, 60),
            entity(101, 103),
            entity(108, 115),
        ];
        let mut figures = vec![figure(0, 20), figure(40, 47)];
        let mut quotes = vec![quote(100, 110)];
        resolve(&mut quotes, &mut figures, &mut entities);
        let spans = |items: &[(usize, usize)]| items.to_vec();
        let entities: Vec<Span> = entities.iter().map(|e| (e.start, e.end)).collect();
        let figures: Vec<Span> = figures.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(entities, spans(&[(40, 60), (101, 103)]));
        assert_eq!(figures, spans(&[(0, 20), (40, 47)]));
        assert_eq!(quotes.len(), 1);
    }

    #[test]
    fn disjoint_prefers_earlier_then_longer() {
        let fixed = Fixed::new(std::iter::empty());
        let mut spans = vec![(5, 8), (0, 3), (0, 6), (6, 9), (9, 9)];
        keep_disjoint(&mut spans, |&s| s, &fixed);
        assert_eq!(spans, [(0, 6), (6, 9)]);
    }
}
