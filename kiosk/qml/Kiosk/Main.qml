import QtQuick
import Kiosk

// The window: the current screen, the dock with Back / Home / language, and the edge swipe.
// Everything sits on a stage laid out at the design size (the booth's screen) and scaled to the
// window, so a rehearsal on a small laptop shows exactly what the booth will.
Window {
    id: root
    readonly property var nav: Ui.nav  // set from Python before this window is created
    property int designWidth: 0  // 0: lay out at the window's own size
    property int designHeight: 0
    property bool animate: true  // see Ui.animate
    property bool buildAhead: true  // build the screens one tap away (see PageHost)

    color: Ui.theme.background
    title: Ui.t(nav.pack.title)

    Binding { target: Ui; property: "scale"; value: Math.min(stage.width, stage.height) / 1080 }
    Binding { target: Ui; property: "portrait"; value: stage.height > stage.width }
    Binding { target: Ui; property: "lowered"; value: Ui.portrait && root.nav.lowerContent }
    Binding { target: Ui; property: "animate"; value: root.animate }
    Binding { target: Ui; property: "started"; value: root.started }

    readonly property var kinds: ({
        menu: menuPage, timeline: timelinePage, cards: cardsPage, detail: detailPage,
        figures: figuresPage, gallery: galleryPage, roadmap: roadmapPage
    })
    Component { id: menuPage; MenuScreen {} }
    Component { id: timelinePage; TimelineScreen {} }
    Component { id: cardsPage; CardsScreen {} }
    Component { id: detailPage; DetailScreen {} }
    Component { id: figuresPage; FiguresScreen {} }
    Component { id: galleryPage; GalleryScreen {} }
    Component { id: roadmapPage; RoadmapScreen {} }

    // A new page each time, so a fresh start (reset, new pack) also resets scrolling and zoom.
    function showScreen() {
        stack.forward = nav.direction > 0
        stack.show(nav.screen, nav.direction !== 0 && animate, () => buildAhead ? nav.upcoming : [])
    }
    Connections {
        target: root.nav
        function onPackChanged() { stack.discardAll() }
        function onMoved() { root.showScreen() }
    }
    Component.onCompleted: showScreen()
    // A page being built must not outlive the engine, which Python frees once the window closes.
    onClosing: stack.stopBuilding()
    property bool started: false  // the first screen is on: time for what can wait
    Timer {
        interval: 250
        running: true
        onTriggered: {
            root.started = true
            stack.prepareNext()
        }
    }

    Item {
        id: stage
        objectName: "stage"
        width: root.designWidth > 0 ? root.designWidth : root.width
        height: root.designHeight > 0 ? root.designHeight : root.height
        scale: Math.min(root.width / width, root.height / height)
        transformOrigin: Item.TopLeft

        // A wall-mounted portrait screen whose top a visitor in a wheelchair cannot reach: the
        // pack's logo and name up there, and every screen below, in the bottom two thirds.
        Column {
            id: reachHeader
            objectName: "reachHeader"
            visible: Ui.lowered
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: visible ? Math.round(parent.height / 3) : 0
            topPadding: Math.max(0, (height - implicitHeight) / 2)
            spacing: Ui.px(32)
            Picture {
                source: Ui.theme.logo ?? ""
                visible: (Ui.theme.logo ?? "") !== ""
                width: Ui.px(200); height: width
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Label {
                width: parent.width - 2 * Ui.px(48)
                anchors.horizontalCenter: parent.horizontalCenter
                horizontalAlignment: Text.AlignHCenter
                text: Ui.t(root.nav.pack.title).replace(/\s*·\s*/g, "\n")
                font.pixelSize: Ui.fontPx(Ui.type.banner)
                font.weight: Font.Bold
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }

        PageHost {
            id: stack
            objectName: "stack"
            kinds: root.kinds
            anchors { left: parent.left; right: parent.right; top: reachHeader.bottom; bottom: dock.top }
            clip: true
        }

        Dock {
            id: dock
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        }

        // Back by swiping in from the left edge, as on a phone.
        Item {
            objectName: "backEdge"
            width: Ui.px(28)
            anchors { left: parent.left; top: parent.top; bottom: dock.top }
            DragHandler {
                target: null
                // activeTranslation is already reset when `active` turns false: keep the last one.
                property vector2d last
                onActiveTranslationChanged: if (active) last = activeTranslation
                onActiveChanged: if (!active) root.nav.edgeSwipe(last.x, last.y, stage.width)
            }
        }

        // The overlays are built once the first screen is up (the show starts sooner), or at
        // once if they are needed before: a Loader turned synchronous completes there and then.
        // The idle overlay and the staff panel are the running kiosk's: a view that only draws
        // (render, proof, lint) has neither.
        Loader {
            anchors.fill: parent
            active: Ui.idle !== null && (root.started || !asynchronous)
            asynchronous: Ui.idle === null || Ui.idle.active
            sourceComponent: Component { IdleOverlay {} }
        }
        Loader {  // only in rehearsal: overlay, shortcuts help, the error panel of hot reload
            anchors.fill: parent
            active: Ui.rehearsal !== null
            source: "RehearsalOverlay.qml"
        }
        Loader {
            anchors.fill: parent
            active: Ui.staff !== null && (root.started || !asynchronous)
            asynchronous: Ui.staff === null || Ui.staff.closed
            sourceComponent: Component { StaffPanel {} }
        }
    }

    // The start picture (kiosk/ui/startcover.py) over the first screen until that screen's
    // pictures are decoded, so the screen is never seen without them. Pixel for pixel what is
    // under it; a touch goes through to that.
    Image {
        anchors.fill: parent
        visible: Ui.cover !== null && Ui.cover.shown
        source: visible ? "image://start/picture" : ""
        cache: false
        smooth: false
    }
}
