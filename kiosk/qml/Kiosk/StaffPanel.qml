import QtQuick
import Kiosk

// The hidden staff menu: a PIN pad, then packs, visitors' language, reload, diagnostics, exit.
// Staff labels are bilingual and fixed: they are for the booth team, not from the pack.
Rectangle {
    id: panel
    objectName: "staffPanel"
    readonly property QtObject staff: Ui.staff
    visible: staff.state !== "closed"
    color: Ui.alpha("#000000", 0.72)

    MouseArea { anchors.fill: parent }  // nothing under the menu can be touched

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - Ui.px(48), Ui.px(1100))
        height: panel.staff.state === "pin" ? pinColumn.implicitHeight + Ui.px(96)
                                            : parent.height - Ui.px(96)
        radius: Ui.px(24)
        color: Ui.theme.surface
        border.color: Ui.alpha(Ui.theme.text, 0.2)
        border.width: Ui.px(2)

        // --- PIN ------------------------------------------------------------------------
        Column {
            id: pinColumn
            visible: panel.staff.state === "pin"
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: Ui.px(48) }
            spacing: Ui.px(24)
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: "工作人员 · Staff"
                font.pixelSize: Ui.px(40)
                font.weight: Font.Bold
            }
            Row {
                objectName: "pinDots"
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Ui.px(16)
                height: Ui.px(28)
                Repeater {
                    model: panel.staff.digitsTyped
                    Rectangle { width: Ui.px(24); height: width; radius: width / 2; color: Ui.theme.accent }
                }
            }
            Label {
                objectName: "staffMessage"
                anchors.horizontalCenter: parent.horizontalCenter
                text: panel.staff.message
                color: "#ff8a80"
                font.pixelSize: Ui.px(26)
                height: Ui.px(36)
            }
            Grid {
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Ui.px(18)
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
                    TouchButton {
                        required property string modelData
                        objectName: "pinKey:" + modelData
                        width: Ui.px(132); height: Ui.px(104)
                        radius: Ui.px(20)
                        fontSize: Ui.px(40)
                        primary: modelData === "ok"
                        text: modelData === "erase" ? "←" : modelData === "ok" ? "OK" : modelData
                        onTapped: modelData === "erase" ? panel.staff.erase()
                                  : modelData === "ok" ? panel.staff.submit() : panel.staff.typeDigit(modelData)
                    }
                }
            }
        }

        // --- the menu -------------------------------------------------------------------
        ScrollText {
            visible: panel.staff.state === "menu"
            anchors { fill: parent; margins: Ui.px(40); topMargin: Ui.px(36) }
            spacing: Ui.px(22)

            Label {
                text: "工作人员菜单 · Staff menu"
                font.pixelSize: Ui.px(40)
                font.weight: Font.Bold
            }
            Label {
                objectName: "staffMessage"
                visible: text !== ""
                text: panel.staff.message
                color: "#ff8a80"
                font.pixelSize: Ui.px(26)
            }

            Heading { text: "内容包 · Content pack" }
            Repeater {
                model: panel.staff.packs
                Rectangle {
                    id: row
                    required property var modelData
                    objectName: "pack:" + modelData.id
                    width: parent.width
                    height: rowColumn.implicitHeight + Ui.px(32)
                    radius: Ui.px(16)
                    color: modelData.current ? Ui.alpha(Ui.theme.primary, 0.25) : Ui.alpha(Ui.theme.background, 0.6)
                    border.color: modelData.ok ? Ui.alpha(Ui.theme.accent, 0.5) : "#ff8a80"
                    border.width: Ui.px(2)
                    Column {
                        id: rowColumn
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Ui.px(20) }
                        spacing: Ui.px(6)
                        Label {
                            width: parent.width
                            text: (Ui.t(row.modelData.title) || row.modelData.id)
                                  + (row.modelData.current ? "   ● 正在展示 · showing" : "")
                            font.pixelSize: Ui.px(30)
                            font.weight: Font.DemiBold
                        }
                        Label {
                            width: parent.width
                            text: row.modelData.id + " · " + row.modelData.languages + " · " + row.modelData.modified
                                  + " · " + (row.modelData.ok ? "✓ 可用 valid" : "✕ " + row.modelData.errorCount + " 个错误 errors")
                            color: row.modelData.ok ? Ui.theme.muted : "#ff8a80"
                            font.pixelSize: Ui.px(22)
                        }
                        Label {
                            objectName: "packErrors:" + row.modelData.id
                            width: parent.width
                            visible: !row.modelData.ok
                            text: row.modelData.errors.join("\n")
                            color: "#ffb4ab"
                            font.pixelSize: Ui.px(20)
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    TapHandler {
                        enabled: row.modelData.ok && !row.modelData.current
                        onTapped: panel.staff.choosePack(row.modelData.folder)
                    }
                }
            }

            Heading { text: "观众默认语言 · Visitors' language" }
            Row {
                spacing: Ui.px(16)
                Repeater {
                    model: Ui.nav.pack.languages
                    TouchButton {
                        required property var modelData
                        objectName: "staffLanguage:" + modelData.code
                        text: modelData.name
                        primary: Ui.nav.defaultLanguage === modelData.code
                        onTapped: panel.staff.setDefaultLanguage(modelData.code)
                    }
                }
            }

            Heading { text: "操作 · Actions" }
            Flow {
                width: parent.width
                spacing: Ui.px(16)
                TouchButton { objectName: "staffReload"; text: "重新载入 · Reload pack"; onTapped: panel.staff.reloadPack() }
                TouchButton { objectName: "staffExit"; text: "退出程序 · Exit app"; onTapped: panel.staff.exitApp() }
                TouchButton { text: "关闭 · Close"; primary: true; onTapped: panel.staff.close() }
            }

            Heading { text: "诊断 · Diagnostics" }
            Label {
                objectName: "diagnostics"
                width: parent.width
                readonly property var d: panel.staff.diagnostics
                text: d.version === undefined ? "" :
                      "kiosk " + d.version + "   uptime " + d.uptime + "   memory " + d.memory
                      + "\nscreen " + d.screen + "   window " + d.window + "   default language " + d.defaultLanguage
                      + "\npack " + d.pack
                font.pixelSize: Ui.px(22)
                color: Ui.theme.muted
            }
            Label {
                width: parent.width
                visible: text !== ""
                text: panel.staff.diagnostics.log ?? ""
                font.family: "monospace"
                font.pixelSize: Ui.px(16)
                color: Ui.theme.muted
                wrapMode: Text.WrapAnywhere
            }
        }

        TouchButton {  // last, so it is above the scrolling menu
            objectName: "staffClose"
            text: "✕"
            anchors { right: parent.right; top: parent.top; margins: Ui.px(20) }
            onTapped: panel.staff.close()
        }
    }

    component Heading: Label {
        topPadding: Ui.px(12)
        color: Ui.theme.accent
        font.pixelSize: Ui.px(28)
        font.weight: Font.Bold
    }
}
