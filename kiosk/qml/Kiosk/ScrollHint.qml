import QtQuick
import Kiosk

// A slim bar at the right of a view that scrolls, showing there is more below; touch never needs
// it. Put in the view's content, which moves: hence contentY.
Rectangle {
    required property Flickable flick
    visible: flick.interactive
    anchors.right: parent.right
    y: flick.contentY + flick.visibleArea.yPosition * flick.height
    width: Ui.px(6); height: flick.visibleArea.heightRatio * flick.height
    radius: width / 2
    color: Ui.alpha(Ui.theme.text, 0.3)
}
