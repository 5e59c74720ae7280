import QtQuick
import Kiosk

// One key number: the value large in the accent colour, its unit beside it, the label below.
Column {
    id: box
    required property var figure
    property real valueSize: Ui.px(96)
    spacing: Ui.px(6)

    Row {
        spacing: Ui.px(10)
        Label {
            id: value
            text: box.figure.value
            color: Ui.theme.accent
            font.pixelSize: box.valueSize
            font.weight: Font.Bold
            wrapMode: Text.NoWrap
            lineHeight: 1.0
            // A long value shrinks to fit rather than run out of its box.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Ui.px(32)
            width: Math.min(implicitWidth, box.width - (unit.visible ? unit.implicitWidth + parent.spacing : 0))
        }
        Label {
            id: unit
            visible: text !== ""
            text: Ui.t(box.figure.unit)
            color: Ui.theme.accent
            font.pixelSize: Math.round(box.valueSize * 0.36)
            font.weight: Font.DemiBold
            wrapMode: Text.NoWrap
            anchors.baseline: value.baseline
        }
    }
    Label {
        width: box.width
        text: Ui.t(box.figure.label)
        font.pixelSize: Math.max(Ui.px(24), Math.round(box.valueSize * 0.3))
        maximumLineCount: 2
        elide: Text.ElideRight
    }
    Label {
        width: box.width
        visible: text !== ""
        text: Ui.t(box.figure.note)
        color: Ui.theme.muted
        font.pixelSize: Ui.px(20)
        maximumLineCount: 2
        elide: Text.ElideRight
    }
}
