import QtQuick
import Kiosk

// Full-width pages side by side, swiped one at a time (timeline events, gallery pictures).
ListView {
    id: pager
    objectName: "pager"
    // The screen this pager is on: the page shown is kept over a hot reload (Navigator.placeIn).
    required property string screenId
    property bool placed: false  // the page to open on is set: from now on, report moves

    orientation: ListView.Horizontal
    snapMode: ListView.SnapOneItem
    highlightRangeMode: ListView.StrictlyEnforceRange
    highlightMoveDuration: 320
    // The view's own (invisible) highlight otherwise grows to the page width at 400 px/s once
    // laid out: seconds of frames redrawn for nothing each time the screen opens (5 s at 1080p).
    highlightResizeDuration: 0
    // The default cacheBuffer builds the page either side too, its picture decoded before a
    // swipe reaches it; never 0 (building the screen is off the tap's path: see PageHost).
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    Component.onCompleted: {
        const kept = Ui.nav.placeIn(screenId, "page", count - 1)
        if (kept > 0) {
            currentIndex = kept
            positionViewAtIndex(kept, ListView.Beginning)  // there at once, not sliding there
        }
        placed = true
    }
    onCurrentIndexChanged: if (placed) Ui.nav.remember(screenId, "page", currentIndex)
}
