// A short sample article written for this page (fictional company and people).

export const EXAMPLE_TEXT = `Hamburg, 14.03.2025 – Die Reederei Hansa Nordlicht hat im vergangenen Jahr 2,4 Milliarden Euro umgesetzt, rund 12 Prozent mehr als 2023. „Wir haben die schwierigen Jahre hinter uns gelassen“, sagte Vorstandschefin Anna Berger am Freitag in Hamburg. Bis Ende 2026 wolle das Unternehmen etwa 300 neue Stellen schaffen, kündigte Berger an.

Die Gewerkschaft Verdi begrüßte die Pläne. Der Hafen werde von den Investitionen profitieren, erklärte ein Sprecher des Hamburger Senats. Die Containerschiffe der Reederei fahren zwischen Europa und Ostasien; eine Fahrt nach Shanghai dauert rund 30 Tage.

Bundeswirtschaftsminister Robert Keller (SPD) sprach von einem „starken Signal für den Norden“. Die Aktie legte am Nachmittag um 3,5 Prozent auf 48,20 Euro zu. Am 2. April will der Vorstand in Berlin die Pläne für die nächsten fünf Jahre vorstellen.`;
