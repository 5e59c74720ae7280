import QtQuick
import Kiosk

// A column that scrolls vertically only when its content is taller than the room it has.
Flickable {
    id: flick
    default property alias content: column.data
    property alias spacing: column.spacing
    contentWidth: width
    contentHeight: column.implicitHeight
    interactive: contentHeight > height + 1
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds
    clip: interactive
    Column {
        id: column
        width: flick.width
    }
    Rectangle {  // a slim bar that shows there is more below; touch never needs it
        visible: flick.interactive
        anchors.right: parent.right
        y: flick.visibleArea.yPosition * flick.height
        width: Ui.px(6); height: flick.visibleArea.heightRatio * flick.height
        radius: width / 2
        color: Ui.alpha(Ui.theme.text, 0.3)
    }
}
