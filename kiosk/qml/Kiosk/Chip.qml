import QtQuick
import Kiosk

// A short label in a pill, e.g. a firm's name on a sector card. One longer than the room it has
// (with larger text, A+) wraps onto more lines.
Rectangle {
    id: chip
    property alias text: label.text
    property real room: Infinity
    readonly property real pad: Ui.px(Ui.space.pad)
    implicitWidth: label.width + pad
    implicitHeight: label.height + Ui.px(12)
    radius: Math.min(height / 2, Ui.px(22))
    color: Ui.alpha(Ui.theme.primary, 0.18)
    border.color: Ui.ink(Ui.theme.primary, 0.55)
    border.width: Math.max(1, Ui.px(1.5))
    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(oneLine.implicitWidth, chip.room - chip.pad)
        font.pixelSize: Ui.fontPx(Ui.type.small)
        horizontalAlignment: Text.AlignHCenter
    }
    // The label's width on one line, as a Text lays it out (TextMetrics measures a pixel less
    // than that at times, and a wrapped Text's implicitWidth is that of its wrapped lines).
    Text {
        id: oneLine
        visible: false
        font: label.font
        text: label.text
        textFormat: Text.PlainText
    }
}
