import QtQuick
import Kiosk

// Rehearsal only: what the screen is made of (O), the shortcuts (?), and the errors of a pack
// edited into a broken state, over the last good content.
Item {
    id: overlay
    readonly property var rehearsal: Ui.rehearsal

    // --- touch targets: outlined, red below 48 px at 1080p ----------------------------------
    Repeater {
        model: overlay.rehearsal.overlay ? overlay.rehearsal.targets : []
        Rectangle {
            required property var modelData
            objectName: modelData.small ? "smallTarget" : "target"
            x: modelData.x; y: modelData.y; width: modelData.w; height: modelData.h
            color: "transparent"
            border.width: Math.max(1, Ui.px(3))
            border.color: modelData.small ? Ui.status.problem : Ui.status.fine
        }
    }

    Rectangle {
        objectName: "overlayInfo"
        visible: overlay.rehearsal.overlay
        anchors { right: parent.right; top: parent.top; margins: Ui.px(16) }
        width: info.implicitWidth + Ui.px(32)
        height: info.implicitHeight + Ui.px(24)
        radius: Ui.px(Ui.corner.control)
        color: Ui.status.panel
        Text {
            id: info
            anchors.centerIn: parent
            color: Ui.status.onPanel
            font.pixelSize: Ui.px(Ui.type.small)
            font.family: "monospace"
            text: "screen  " + Ui.nav.screenId + "\n"
                  + "source  " + overlay.rehearsal.source + "\n"
                  + "frame   " + overlay.rehearsal.frameMs.toFixed(1) + " ms\n"
                  + "targets green ≥ 48 px at 1080p, red smaller"
        }
    }

    // --- ? : the shortcuts -------------------------------------------------------------------
    Rectangle {
        objectName: "shortcutHelp"
        visible: overlay.rehearsal.help
        anchors.centerIn: parent
        width: helpColumn.implicitWidth + Ui.px(64)
        height: helpColumn.implicitHeight + Ui.px(48)
        radius: Ui.px(Ui.corner.card)
        color: Ui.status.panelDeep
        Column {
            id: helpColumn
            anchors.centerIn: parent
            spacing: Ui.px(10)
            Text {
                text: "Rehearsal shortcuts · 彩排快捷键"
                color: Ui.status.onPanel
                font.pixelSize: Ui.px(Ui.type.emphasis)
                font.weight: Font.Bold
            }
            Repeater {
                model: overlay.rehearsal.shortcuts
                Row {
                    required property var modelData
                    spacing: Ui.px(20)
                    Text {
                        width: Ui.px(110)
                        text: modelData.key
                        color: Ui.status.key
                        font.pixelSize: Ui.px(Ui.type.label)
                        font.weight: Font.Bold
                    }
                    Text {
                        text: modelData.text
                        color: Ui.status.onPanel
                        font.pixelSize: Ui.px(Ui.type.label)
                    }
                }
            }
        }
    }

    // --- errors after an edit: listed over the last good content ----------------------------
    Rectangle {
        objectName: "errorPanel"
        visible: overlay.rehearsal.problems.length > 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Ui.px(16) }
        height: Math.min(parent.height * 0.5, errors.implicitHeight + Ui.px(32))
        radius: Ui.px(Ui.corner.control)
        color: Ui.status.problemPanel
        border.color: Ui.status.problem
        border.width: Ui.outline
        clip: true
        Column {
            id: errors
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Ui.px(16) }
            spacing: Ui.px(6)
            Text {
                text: "This pack has errors: still showing the last good version. Save a fix and it reloads.\n"
                      + "内容包有错误：仍在显示上一个正确版本，修改保存后自动重新载入。"
                color: Ui.status.onPanel
                font.pixelSize: Ui.px(Ui.type.small)
                font.weight: Font.Bold
            }
            Repeater {
                model: overlay.rehearsal.problems
                Text {
                    required property string modelData
                    width: errors.width
                    text: modelData
                    color: Ui.status.errorText
                    font.pixelSize: Ui.px(Ui.type.caption)
                    font.family: "monospace"
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
