import QtQuick
import Kiosk

// One key number: the value large in the accent colour with its unit beside it (or below it
// when there is no room), then the label, then an optional note.
Item {
    id: box
    required property var figure
    property real valueSize: Ui.fontPx(Ui.type.bigFigure)
    readonly property real gap: Ui.px(10)
    // The unit stays beside the value while the value, shrunk to at most 70 %, leaves room for it.
    readonly property bool unitBelow: unit.text !== "" && 0.7 * value.implicitWidth + gap + unit.implicitWidth > width

    implicitHeight: texts.y + texts.height

    Label {
        id: value
        text: Ui.t(box.figure.value)
        color: Ui.theme.accent
        font.pixelSize: box.valueSize
        font.weight: Font.Bold
        wrapMode: Text.NoWrap
        lineHeight: 1.0
        // A value wider than its room shrinks to fit rather than run out of the box.
        width: Math.min(implicitWidth, box.width - (unit.visible && !box.unitBelow ? box.gap + unit.implicitWidth : 0))
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Ui.px(28)
    }
    Label {
        id: unit
        visible: text !== ""
        text: Ui.t(box.figure.unit)
        color: Ui.theme.accent
        font.pixelSize: Math.round(box.valueSize * 0.36)
        font.weight: Font.DemiBold
        wrapMode: Text.NoWrap
        lineHeight: 1.0
        x: box.unitBelow ? 0 : value.contentWidth + box.gap
        y: box.unitBelow ? value.height : value.baselineOffset - baselineOffset
        width: Math.min(implicitWidth, box.width - x)
        elide: Text.ElideRight
    }
    Column {
        id: texts
        width: box.width
        y: Math.max(value.height, unit.visible ? unit.y + unit.height : 0) + Ui.px(6)
        spacing: Ui.px(6)
        Label {
            width: parent.width
            text: Ui.t(box.figure.label)
            font.pixelSize: Math.max(Ui.px(24), Math.round(box.valueSize * 0.28))
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            width: parent.width
            visible: text !== ""
            text: Ui.t(box.figure.note)
            color: Ui.theme.muted
            font.pixelSize: Ui.fontPx(Ui.type.caption)
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
