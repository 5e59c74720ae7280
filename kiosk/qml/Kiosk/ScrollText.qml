import QtQuick
import Kiosk

// A column that scrolls vertically only when its content is taller than the room it has.
Flickable {
    id: flick
    objectName: "scrollText"
    default property alias content: column.data
    property alias spacing: column.spacing
    // The screen whose main text this is, if any: how far it is scrolled is then kept over a hot
    // reload (Navigator.placeIn), as the text is laid out, until the visitor scrolls it.
    property string screenId: ""
    property bool restoring: screenId !== ""
    contentWidth: width
    contentHeight: column.implicitHeight
    interactive: contentHeight > height + 1
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds
    clip: interactive

    function restore() {
        if (restoring)
            contentY = Ui.nav.placeIn(screenId, "scroll", Math.max(0, contentHeight - height))
    }
    onContentHeightChanged: restore()
    onHeightChanged: restore()
    onMovementStarted: restoring = false
    onMovementEnded: if (screenId !== "") Ui.nav.remember(screenId, "scroll", contentY)

    Column {
        id: column
        width: flick.width
    }
    ScrollHint { flick: flick }
}
