import QtQuick
import Kiosk

// What makes a box something a visitor can press, whoever the visitor: a tap (lifted within the
// box), a role and a name for the platform's screen reader, and Tab to reach it and Enter or Space
// to press it on a keypad, with a ring around it while it has the keyboard's focus. It fills its
// parent, the box that is pressed.
Item {
    id: target
    required property string name  // what a screen reader says; the words on the box
    property alias gesturePolicy: tap.gesturePolicy
    readonly property alias pressed: tap.pressed
    signal activated()
    readonly property bool isTapTarget: true  // how Python tells it: its parent is the target (kiosk.ui.inspect)

    anchors.fill: parent
    activeFocusOnTab: enabled && visible
    Accessible.role: Accessible.Button
    Accessible.name: name
    Accessible.focusable: true
    Accessible.onPressAction: target.activated()
    Keys.onReturnPressed: target.activated()
    Keys.onEnterPressed: target.activated()
    Keys.onSpacePressed: target.activated()

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: target.activated()
    }
    Rectangle {  // the keyboard's focus
        anchors { fill: parent; margins: -Ui.px(6) }
        visible: target.activeFocus
        color: "transparent"
        radius: Ui.px(Ui.corner.control)
        border.color: Ui.theme.accent
        border.width: Ui.px(4)
    }
}
