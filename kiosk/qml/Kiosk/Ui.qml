pragma Singleton
import QtQuick

// What every view file shares: the navigator, the pack's theme, the scale, and the text lookup.
// Python sets `nav`, `idle` and `staff` before loading Main.qml, which sets `scale`; one
// instance per engine, so each test window has its own.
QtObject {
    // Python objects (kiosk/ui): `var`, as qmllint cannot know their members.
    property var nav: null
    property var idle: null  // the running kiosk's (kiosk.ui.app.Show); a view that only draws has none
    property var staff: null  // likewise
    property var rehearsal: null  // only in windowed rehearsal
    property var cover: null  // only while the start picture covers the first screen
    // 1.0 when the short side of the window is 1080 px: sizes below are "px at 1080p".
    property real scale: 1
    property bool portrait: false
    // Portrait, with the screens in the bottom two thirds (Navigator.lowerContent), set by Main.
    property bool lowered: false
    // Off when rendering proofs and linting: everything is shown at once, in its final state.
    property bool animate: true
    // The first screen has been up for a moment (set by Main). Pictures that arrive before then
    // are shown as they come, with the window: a fade would only delay the start by 180 ms.
    property bool started: false

    readonly property var theme: nav ? nav.theme : ({})  // the pack's, or high contrast
    readonly property string language: nav ? nav.language : ""
    // Set on every Text that shows words of the current language (Label, the dock, buttons):
    // proportional quotes in English from a CJK font (kiosk.ui.present.font_features).
    readonly property var fontFeatures: nav ? nav.fontFeatures : ({})
    // Larger while the visitor has A+ on (kiosk.core.navigation.LARGE_TEXT).
    readonly property real textScale: nav ? nav.textScale : 1
    readonly property real largePrint: nav ? nav.largePrint : 0  // with no navigator, textScale is 1: unused

    // Colours that mean the same whatever the pack's look, on the staff menu and the rehearsal
    // panels (drawn dark over the show): red for a problem or a step that cannot be undone,
    // green for fine, yellow for a key to press.
    readonly property var status: ({
        problem: "#ff3b30",  // a touch target too small; the edge of the error panel
        fine: "#34c759",
        key: "#ffd60a",
        danger: "#b3261e",  // the button that stops the show
        problemText: "#ff8a80",  // a staff message that something failed
        questionText: "#ffb4ab",  // the question before stopping the show
        errorText: "#ffd0cc",  // each error after an edit
        panel: "#cc000000",
        panelDeep: "#e6000000",
        problemPanel: "#ee2b0a0a",
        onPanel: "#ffffff"
    })

    // The type scale: every size of text, px at 1080p, named for what it sets. A visitor's text
    // takes it through fontPx() (larger with A+), staff and rehearsal words through px().
    readonly property var type: ({
        smallest: 16,  // the staff menu's log lines
        caption: 20,  // under a figure, a film's time, hints
        small: 22,  // chips, a roadmap step's year
        label: 24,  // the dock's words, a tile's subtitle
        cardText: 25,  // the running text of a card or a roadmap step (a narrow column)
        body: 26,  // buttons, labels
        eventText: 27,  // the running text of a timeline event
        lead: 28,  // paragraphs, captions, a screen's subtitle
        emphasis: 30,  // years on the timeline, a roadmap step's name, the idle question's words
        intro: 32,  // the home screen's subtitle
        title: 36,  // a card's or a roadmap step's title
        tileTitle: 38,  // a tile's title on the home screen
        heading: 40,  // a timeline event's title
        tagline: 44,  // the home screen's tagline
        display: 52,  // "still there?", the attract loop's first line, a figure on the timeline
        banner: 56,  // the pack's name above lowered screens and in the attract loop in portrait; a figure on a roadmap
        screenTitle: 60,
        figure: 64,  // a figure in a row of figures
        poster: 68,  // the pack's name in the attract loop; the home title in portrait
        hero: 72,  // the home screen's title
        bigFigure: 96,  // a figure on its own
        countdown: 140  // the seconds left before the show starts again
    })

    // Room, px at 1080p, named for where it goes: the same kind of room is the same everywhere.
    readonly property var space: ({
        lines: 14,  // between the lines of a block of text (a card, a detail, a timeline event)
        items: 16,  // between the controls of a row or a column, between chips
        gap: 24,  // between tiles, between cards
        pad: 28,  // inside a tile, a card, a figure's box; on either side of a chip's text
        block: 28  // between the blocks of a screen, and below its last one
    })
    // The radius of rounded corners, from a picture's to a panel's.
    readonly property var corner: ({
        small: 8,  // a picture, a caption's box
        control: 12,  // a film, a focus ring, the rehearsal's boxes
        row: 16,  // a row or a question in the staff menu
        card: 20,  // a card, a figure's box, a staff button
        tile: 24,  // a tile on the home screen, the staff menu
        panel: 32  // the "still there?" panel
    })
    // The width of an outline: at least one real pixel at any size.
    readonly property real outline: Math.max(1, px(2))

    // The smallest touch target, 48 px at 1080p (we use 64-96 for the main buttons).
    readonly property real minTouch: px(48)

    // A pack text in the current language; a plain string (a number, a year) is the same in all.
    function t(text) {
        return typeof text === "string" ? text : text ? (text[language] ?? "") : ""
    }
    // One of the app's own phrases in every language of the pack, for screens anyone may read.
    function allLanguages(words) {
        return nav.pack.languages.map(l => words[l.code])
    }
    function px(n) {
        return Math.round(n * scale)
    }
    // The size of a visitor's text of n px at 1080p, larger with A+ (as text_size() in
    // kiosk.core.navigation says, which tests it). Staff and rehearsal words use px().
    function fontPx(n) {
        return Math.round(Math.max(n, Math.min(n * textScale, largePrint)) * scale)
    }
    // Theme colour with an alpha, for surfaces over background images.
    function alpha(color, a) {
        return Qt.alpha(color, a)
    }
    // A colour drawn as an outline or as text: softened by the alpha in the pack's look, solid in
    // high contrast, where every line and letter must stand out (kiosk.core.contrast).
    function ink(color, a) {
        return nav && nav.highContrast ? color : Qt.alpha(color, a)
    }
}
