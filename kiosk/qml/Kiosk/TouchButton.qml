import QtQuick
import Kiosk

// A large, plainly drawn button: tap only (no hover, no long press), never smaller than 48 px.
Rectangle {
    id: button
    property string text: ""
    property url icon: ""
    property bool primary: false
    property real fontSize: Ui.fontPx(Ui.type.body)
    property string accessibleName: text  // give one where the button shows only an icon
    signal tapped()

    implicitHeight: Ui.px(80)
    implicitWidth: Math.max(implicitHeight, row.implicitWidth + Ui.px(44))
    radius: height / 2
    color: primary ? Ui.theme.primary : Ui.alpha(Ui.theme.surface, 0.92)
    border.color: Ui.ink(Ui.theme.text, enabled ? 0.22 : 0.08)
    border.width: Ui.outline
    opacity: enabled ? 1 : 0.35
    scale: tap.pressed ? 0.95 : 1
    Behavior on scale { NumberAnimation { duration: 90 } }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Ui.px(12)
        Image {
            visible: button.icon.toString() !== ""
            source: button.icon
            width: Ui.px(40); height: width
            sourceSize.width: width; sourceSize.height: height
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            visible: text !== ""
            text: button.text
            color: Ui.theme.text
            font.pixelSize: button.fontSize
            font.weight: Font.DemiBold
            font.features: Ui.fontFeatures
            anchors.verticalCenter: parent.verticalCenter
        }
    }
    TapTarget {
        id: tap
        name: button.accessibleName
        enabled: button.enabled
        onActivated: button.tapped()
    }
}
