import QtQuick
import Kiosk

// The hidden staff menu: a PIN pad, then packs, visitors' language, reload, diagnostics, exit.
// Staff labels are bilingual and fixed: they are for the booth team, not from the pack. What is
// allowed when, and when the panel closes by itself, is decided in Python (kiosk.staff).
Rectangle {
    id: panel
    objectName: "staffPanel"
    readonly property var staff: Ui.staff
    visible: !staff.closed
    // Opaque: neither the show nor the visitors' "Still there?" countdown shows through.
    color: Ui.theme.background

    MouseArea { anchors.fill: parent }  // nothing under the menu can be touched

    Rectangle {
        id: card
        readonly property bool pin: panel.staff.askingPin
        readonly property real margin: Ui.px(32)
        anchors.centerIn: parent
        width: Math.min(parent.width - Ui.px(48), Ui.px(pin ? 720 : 1100))
        height: pin ? header.height + Ui.px(24) + pinColumn.height + Ui.px(16) + footer.height + 2 * margin
                    : parent.height - Ui.px(96)
        radius: Ui.px(Ui.corner.tile)
        color: Ui.theme.surface
        border.color: Ui.alpha(Ui.theme.text, 0.2)
        border.width: Ui.outline

        // Fixed above the content: the scrolling menu never runs under the close button.
        Item {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.margin }
            height: closeButton.height
            Label {
                objectName: "staffTitle"
                anchors { left: parent.left; right: closeButton.left; rightMargin: Ui.px(16)
                          verticalCenter: parent.verticalCenter }
                text: card.pin ? "工作人员 · Staff" : "工作人员菜单 · Staff menu"
                font.pixelSize: Ui.px(Ui.type.heading)
                font.weight: Font.Bold
                elide: Text.ElideRight
                maximumLineCount: 1
            }
            TouchButton {
                id: closeButton
                objectName: "staffClose"
                text: "✕"
                accessibleName: "关闭 · Close"
                anchors.right: parent.right
                onTapped: panel.staff.dismiss()
            }
        }

        // --- PIN ------------------------------------------------------------------------
        // Every row keeps its size whether it shows anything or not, so the keys never move
        // under a finger (a positioner skips an empty row, and the card is centred).
        Column {
            id: pinColumn
            visible: card.pin
            anchors { left: parent.left; right: parent.right; top: header.bottom; margins: card.margin
                      topMargin: Ui.px(24) }
            spacing: Ui.px(Ui.space.items)
            Item {
                width: parent.width
                height: Ui.px(28)
                Row {
                    objectName: "pinDots"
                    anchors.centerIn: parent
                    spacing: Ui.px(Ui.space.items)
                    Repeater {
                        model: panel.staff.digitsTyped
                        Rectangle { width: Ui.px(24); height: width; radius: width / 2; color: Ui.theme.accent }
                    }
                }
            }
            Label {
                objectName: "staffMessage"
                width: parent.width
                height: Ui.px(80)  // two lines: Chinese, then English
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: panel.staff.message
                color: Ui.status.problemText
                font.pixelSize: Ui.px(Ui.type.body)
                lineHeight: 1.0
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
                        enabled: !panel.staff.locked  // dimmed and deaf for the lock-out
                        width: Ui.px(132); height: Ui.px(104)
                        radius: Ui.px(Ui.corner.card)
                        fontSize: Ui.px(Ui.type.heading)
                        primary: modelData === "ok"
                        text: modelData === "erase" ? "←" : modelData === "ok" ? "OK" : modelData
                        onTapped: modelData === "erase" ? panel.staff.erase()
                                  : modelData === "ok" ? panel.staff.submit() : panel.staff.typeDigit(modelData)
                    }
                }
            }
        }

        // --- the menu -------------------------------------------------------------------
        // The actions stay in view above the scrolling part, so the exit question that takes
        // their place is always seen whole, without scrolling anything under a finger.
        Item {
            id: actions
            visible: panel.staff.menuOpen
            anchors { left: parent.left; right: parent.right; top: header.bottom
                      leftMargin: card.margin; rightMargin: card.margin; topMargin: Ui.px(16) }
            height: panel.staff.exitAsked ? exitQuestion.height : actionRow.height
            Flow {
                id: actionRow
                visible: !panel.staff.exitAsked
                width: parent.width
                spacing: Ui.px(Ui.space.items)
                TouchButton { objectName: "staffReload"; text: "重新载入 · Reload pack"; onTapped: panel.staff.reloadPack() }
                TouchButton {
                    objectName: "staffRollBack"
                    visible: panel.staff.canRollBack
                    text: "回到上一版本 · Previous version"
                    onTapped: panel.staff.rollBack()
                }
                TouchButton { objectName: "staffExit"; text: "退出程序 · Exit app"; onTapped: panel.staff.askExit() }
                TouchButton { text: "关闭 · Close"; primary: true; onTapped: panel.staff.dismiss() }
            }
            // Exit needs a second, deliberate tap: the question covers the row, so a second tap
            // where Exit was lands on text; "Yes" is below it, on the far side.
            Rectangle {
                id: exitQuestion
                objectName: "exitQuestion"
                visible: panel.staff.exitAsked
                width: parent.width
                height: questionColumn.implicitHeight + 2 * Ui.px(20)
                radius: Ui.px(Ui.corner.row)
                color: Ui.alpha(Ui.status.danger, 0.18)
                border.color: Ui.status.problemText
                border.width: Ui.outline
                Column {
                    id: questionColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Ui.px(20) }
                    spacing: Ui.px(24)
                    Label {
                        width: parent.width
                        text: "停止展示？屏幕将一直黑屏，直到有人重新启动 kiosk。\n"
                              + "Stop the show? The screen stays black until someone starts the kiosk again."
                        color: Ui.status.questionText
                        font.pixelSize: Ui.px(Ui.type.lead)
                        font.weight: Font.DemiBold
                    }
                    Item {
                        width: parent.width
                        height: confirmExit.height
                        TouchButton {
                            objectName: "staffExitCancel"
                            text: "取消 · Cancel"
                            primary: true
                            onTapped: panel.staff.cancelExit()
                        }
                        TouchButton {
                            id: confirmExit
                            objectName: "staffExitConfirm"
                            anchors.right: parent.right
                            text: "是，停止展示 · Yes, stop the show"
                            color: Ui.status.danger
                            onTapped: panel.staff.confirmExit()
                        }
                    }
                }
            }
        }

        ScrollText {
            objectName: "staffMenuScroll"
            visible: panel.staff.menuOpen
            anchors { left: parent.left; right: parent.right; top: actions.bottom; bottom: footer.top
                      leftMargin: card.margin; rightMargin: card.margin; topMargin: Ui.px(8); bottomMargin: Ui.px(16) }
            spacing: Ui.px(22)

            Label {
                objectName: "staffMessage"
                width: parent.width
                visible: text !== ""
                text: panel.staff.message
                color: Ui.status.problemText
                font.pixelSize: Ui.px(Ui.type.body)
            }

            Heading { text: "今日观众 · Visitors today" }
            Label {
                objectName: "visitorsToday"
                width: parent.width
                text: panel.staff.diagnostics.visitors ?? ""
                font.pixelSize: Ui.px(Ui.type.body)
            }

            Heading { text: "收件箱 · Inbox" }
            Label {
                objectName: "inboxStatus"
                width: parent.width
                text: panel.staff.diagnostics.inbox ?? ""
                font.pixelSize: Ui.px(Ui.type.small)
                wrapMode: Text.WrapAnywhere
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
                    radius: Ui.px(Ui.corner.row)
                    color: modelData.current ? Ui.alpha(Ui.theme.primary, 0.25) : Ui.alpha(Ui.theme.background, 0.6)
                    border.color: modelData.ok ? Ui.alpha(Ui.theme.accent, 0.5) : Ui.status.problemText
                    border.width: Ui.outline
                    Column {
                        id: rowColumn
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Ui.px(20) }
                        spacing: Ui.px(6)
                        Label {
                            width: parent.width
                            text: (Ui.t(row.modelData.title) || row.modelData.id)
                                  + (row.modelData.current ? "   ● 正在展示 · showing" : "")
                            font.pixelSize: Ui.px(Ui.type.emphasis)
                            font.weight: Font.DemiBold
                        }
                        Label {
                            width: parent.width
                            text: row.modelData.id + " · " + row.modelData.languages + " · " + row.modelData.modified
                                  + " · " + (row.modelData.ok ? "✓ 可用 valid" : "✕ " + row.modelData.errorCount + " 个错误 errors")
                            color: row.modelData.ok ? Ui.theme.muted : Ui.status.problemText
                            font.pixelSize: Ui.px(Ui.type.small)
                        }
                        Label {
                            objectName: "packErrors:" + row.modelData.id
                            width: parent.width
                            visible: !row.modelData.ok
                            text: row.modelData.errors.join("\n")
                            color: Ui.status.questionText
                            font.pixelSize: Ui.px(Ui.type.caption)
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    TapTarget {
                        enabled: row.modelData.ok && !row.modelData.current
                        name: Ui.t(row.modelData.title) || row.modelData.id
                        gesturePolicy: TapHandler.DragThreshold
                        onActivated: panel.staff.choosePack(row.modelData.folder)
                    }
                }
            }

            Heading {
                visible: panel.staff.stickPacks.length > 0
                text: "U盘 · USB stick"
            }
            Repeater {
                model: panel.staff.stickPacks
                TouchButton {
                    required property var modelData
                    objectName: "stickPack:" + modelData.id
                    enabled: modelData.ok
                    text: (modelData.ok ? "安装 · Install " : "有错误 · Errors: ") + (Ui.t(modelData.title) || modelData.id)
                          + (modelData.ok ? "" : " — " + modelData.errors.join("; "))
                    onTapped: panel.staff.installFromStick(modelData.folder)
                }
            }

            Heading { text: "观众默认语言 · Visitors' language" }
            Row {
                spacing: Ui.px(Ui.space.items)
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

            Heading { text: "诊断 · Diagnostics" }
            Label {
                objectName: "diagnostics"
                width: parent.width
                readonly property var d: panel.staff.diagnostics
                text: d.version === undefined ? "" :
                      "kiosk " + d.version + "   uptime " + d.uptime + "   memory " + d.memory
                      + "\nscreen " + d.screen + "   window " + d.window + "   default language " + d.defaultLanguage
                      + "\nrenderer " + d.renderer
                      + "\npack " + d.pack
                font.pixelSize: Ui.px(Ui.type.small)
                color: Ui.theme.muted
            }
            Label {
                width: parent.width
                visible: text !== ""
                text: panel.staff.diagnostics.log ?? ""
                font.family: "monospace"
                font.pixelSize: Ui.px(Ui.type.smallest)
                color: Ui.theme.muted
                wrapMode: Text.WrapAnywhere
            }
        }

        // Room kept for the countdown in every state, so nothing moves when it appears.
        Item {
            id: footer
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: card.margin }
            height: Ui.px(96)
            Rectangle {
                objectName: "staffCountdown"
                visible: panel.staff.closesIn > 0
                anchors.fill: parent
                radius: Ui.px(Ui.corner.row)
                color: Ui.alpha(Ui.theme.accent, 0.12)
                border.color: Ui.theme.accent
                border.width: Ui.outline
                Column {
                    anchors.centerIn: parent
                    width: parent.width - Ui.px(32)
                    spacing: Ui.px(4)
                    Label {
                        objectName: "staffCountdownText"
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: panel.staff.closesIn + " 秒后关闭 · Closes in " + panel.staff.closesIn + " s"
                        color: Ui.theme.accent
                        font.pixelSize: Ui.px(Ui.type.emphasis)
                        font.weight: Font.Bold
                        lineHeight: 1.0
                    }
                    Label {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: "触摸任意处保持打开 · Touch anywhere to keep it open"
                        color: Ui.theme.muted
                        font.pixelSize: Ui.px(Ui.type.small)
                        lineHeight: 1.0
                    }
                }
            }
        }
    }

    component Heading: Label {
        topPadding: Ui.px(12)
        color: Ui.theme.accent
        font.pixelSize: Ui.px(Ui.type.lead)
        font.weight: Font.Bold
    }
}
