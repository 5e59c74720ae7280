import QtQuick
import Kiosk

// A short label in a pill, e.g. a firm's name on a sector card.
Rectangle {
    property alias text: label.text
    implicitWidth: label.implicitWidth + Ui.px(28)
    implicitHeight: label.implicitHeight + Ui.px(12)
    radius: height / 2
    color: Ui.alpha(Ui.theme.primary, 0.18)
    border.color: Ui.ink(Ui.theme.primary, 0.55)
    border.width: Math.max(1, Ui.px(1.5))
    Label {
        id: label
        anchors.centerIn: parent
        font.pixelSize: Ui.px(22)
        wrapMode: Text.NoWrap
    }
}
