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

use crate::annotations::{Annotations, FigureKind};

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

pub(crate) fn resolve(annotations: &mut Annotations) {
    keep_laminar(&mut annotations.quotes, |q| (q.start, q.end));
    let quotes = Fixed::new(annotations.quotes.iter().map(|q| (q.start, q.end)));
    keep_disjoint(&mut annotations.figures, |f| (f.start, f.end), &quotes);
    let fixed = Fixed::new(
        annotations
            .quotes
            .iter()
            .map(|q| (q.start, q.end))
            .chain(annotations.figures.iter().map(|f| (f.start, f.end))),
    );
    keep_disjoint(&mut annotations.entities, |e| (e.start, e.end), &fixed);
    mark_figure_units(annotations);
    recount_groups(annotations);
}

/// Marks the entities that lie inside a money figure: its currency ("Euro", "US-Dollar").
/// Both lists are sorted and disjoint within themselves, so one merge-like sweep finds them.
fn mark_figure_units(annotations: &mut Annotations) {
    let mut money = annotations
        .figures
        .iter()
        .filter(|f| f.kind == FigureKind::Money)
        .map(|f| (f.start, f.end))
        .peekable();
    for entity in &mut annotations.entities {
        while money.next_if(|&(_, end)| end <= entity.start).is_some() {}
        entity.figure_unit = money
            .peek()
            .is_some_and(|&(start, end)| start <= entity.start && entity.end <= end);
    }
}

/// Group mention counts follow the mentions that stayed; a group with none left goes, the
/// others are renumbered so that ids stay indices into the list, and speakers' links follow.
fn recount_groups(annotations: &mut Annotations) {
    let groups = &mut annotations.entity_groups;
    let index: std::collections::HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, group)| (group.id, i))
        .collect();
    let mut counts = vec![0usize; groups.len()];
    for entity in &annotations.entities {
        if let Some(&i) = index.get(&entity.entity_id) {
            counts[i] += 1;
        }
    }
    if groups
        .iter()
        .zip(&counts)
        .all(|(group, &count)| group.mentions == count)
    {
        return;
    }
    let mut renumbered = std::collections::HashMap::new();
    let mut counts = counts.into_iter();
    groups.retain_mut(|group| {
        group.mentions = counts.next().unwrap_or(0);
        group.mentions > 0
    });
    for (i, group) in groups.iter_mut().enumerate() {
        renumbered.insert(group.id, i);
        group.id = i;
    }
    for entity in &mut annotations.entities {
        if let Some(&id) = renumbered.get(&entity.entity_id) {
            entity.entity_id = id;
        }
    }
    for speaker in annotations
        .quotes
        .iter_mut()
        .filter_map(|q| q.speaker.as_mut())
    {
        speaker.entity = speaker.entity.and_then(|id| renumbered.get(&id).copied());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The currency inside a money figure is marked; a name outside one, or inside a figure
    /// of another kind, is not.
    #[test]
    fn currencies_of_money_figures_are_marked() {
        use crate::annotations::{Entity, EntityLabel, Figure, FigureValue};
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
        let mut annotations = Annotations {
            entities: vec![entity("Euro"), entity("Berlin"), entity("Dollar")],
            entity_groups: vec![crate::annotations::EntityGroup {
                id: 0,
                name: String::new(),
                label: EntityLabel::Other,
                mentions: 3,
            }],
            figures: vec![
                figure("5 Euro", FigureKind::Money),
                figure("2025", FigureKind::Date),
                figure("3 Dollar", FigureKind::Money),
            ],
            ..Annotations::default()
        };
        resolve(&mut annotations);
        let marked: Vec<(&str, bool)> = annotations
            .entities
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

    /// A figure crossing an entity stays and the entity goes; contained spans both stay.
    /// Group counts follow the entities that stayed.
    #[test]
    fn figures_win_over_crossing_entities() {
        use crate::annotations::{
            Entity, EntityGroup, EntityLabel, Figure, FigureKind, FigureValue, Quote, QuoteKind,
            Speaker,
        };
        let entity = |start, end, entity_id| Entity {
            start,
            end,
            label: EntityLabel::Organisation,
            text: String::new(),
            entity_id,
            figure_unit: false,
        };
        let group = |id, mentions| EntityGroup {
            id,
            name: String::new(),
            label: EntityLabel::Organisation,
            mentions,
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
        let mut annotations = Annotations {
            // The first crosses the first figure; the second contains the second figure.
            entities: vec![entity(10, 30, 0), entity(40, 60, 1), entity(70, 80, 1)],
            entity_groups: vec![group(0, 1), group(1, 2)],
            figures: vec![figure(0, 20), figure(40, 47)],
            quotes: [0, 1]
                .map(|entity| Quote {
                    start: 100 + 10 * entity,
                    end: 105 + 10 * entity,
                    kind: QuoteKind::Direct,
                    text: String::new(),
                    speaker: Some(Speaker {
                        start: 106 + 10 * entity,
                        end: 108 + 10 * entity,
                        text: String::new(),
                        entity: Some(entity),
                        confidence: 1.0,
                    }),
                    cue: None,
                    group: None,
                })
                .to_vec(),
            ..Annotations::default()
        };
        resolve(&mut annotations);
        let entities: Vec<Span> = annotations
            .entities
            .iter()
            .map(|e| (e.start, e.end))
            .collect();
        let figures: Vec<Span> = annotations
            .figures
            .iter()
            .map(|f| (f.start, f.end))
            .collect();
        let groups: Vec<(usize, usize)> = annotations
            .entity_groups
            .iter()
            .map(|g| (g.id, g.mentions))
            .collect();
        assert_eq!(entities, [(40, 60), (70, 80)]);
        assert_eq!(figures, [(0, 20), (40, 47)]);
        assert_eq!(groups, [(0, 2)]);
        let links: Vec<Option<usize>> = annotations
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.entity))
            .collect();
        assert_eq!(links, [None, Some(0)]);
        assert!(annotations.entities.iter().all(|e| e.entity_id == 0));
    }

    #[test]
    fn disjoint_prefers_earlier_then_longer() {
        let fixed = Fixed::new(std::iter::empty());
        let mut spans = vec![(5, 8), (0, 3), (0, 6), (6, 9), (9, 9)];
        keep_disjoint(&mut spans, |&s| s, &fixed);
        assert_eq!(spans, [(0, 6), (6, 9)]);
    }
}
