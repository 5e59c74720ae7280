import QtQuick
import Kiosk

// Plans as steps along a path: left to right in landscape, top to bottom in portrait.
ScreenPage {
    id: page
    readonly property var steps: screen.steps
    readonly property bool across: !Ui.portrait && steps.length <= 5

    ScrollText {
        anchors { fill: parent; leftMargin: page.margin; rightMargin: page.margin }
        Grid {
            id: grid
            width: parent.width
            columns: page.across ? page.steps.length : 1
            spacing: Ui.px(Ui.space.block)
            Repeater {
                model: page.steps
                Item {
                    id: step
                    required property var modelData
                    required property int index
                    width: page.across ? (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns : grid.width
                    height: body.implicitHeight + (page.across ? Ui.px(76) : 0)
                    // The path: a node for the step, a line on to the next one.
                    Rectangle {
                        id: node
                        x: 0
                        y: page.across ? 0 : Ui.px(6)
                        width: Ui.px(44); height: width; radius: width / 2
                        color: Ui.theme.background
                        border.color: Ui.theme.accent
                        border.width: Ui.px(4)
                        Label {
                            anchors.centerIn: parent
                            text: step.index + 1
                            font.pixelSize: Ui.fontPx(Ui.type.small)
                            font.weight: Font.Bold
                            color: Ui.theme.accent
                        }
                    }
                    Rectangle {
                        visible: step.index < page.steps.length - 1
                        color: Ui.alpha(Ui.theme.accent, 0.4)
                        x: page.across ? node.width + Ui.px(8) : node.width / 2 - width / 2
                        y: page.across ? node.height / 2 - height / 2 : node.y + node.height + Ui.px(8)
                        width: page.across ? step.width + grid.spacing - node.width - Ui.px(16) : Math.max(2, Ui.px(3))
                        height: page.across ? Math.max(2, Ui.px(3)) : step.height + grid.spacing - node.height - Ui.px(16)
                    }
                    Column {
                        id: body
                        x: page.across ? 0 : node.width + Ui.px(28)
                        y: page.across ? Ui.px(76) : 0
                        width: step.width - x
                        spacing: Ui.px(12)
                        Label {
                            width: parent.width
                            text: Ui.t(step.modelData.when)
                            color: Ui.theme.accent
                            font.pixelSize: Ui.fontPx(Ui.type.emphasis)
                            font.weight: Font.Bold
                        }
                        Label {
                            width: parent.width
                            text: Ui.t(step.modelData.title)
                            font.pixelSize: Ui.fontPx(Ui.type.title)
                            font.weight: Font.Bold
                        }
                        Label {
                            width: parent.width
                            visible: text !== ""
                            text: Ui.t(step.modelData.text)
                            color: Ui.ink(Ui.theme.text, 0.85)
                            font.pixelSize: Ui.fontPx(Ui.type.cardText)
                        }
                        FigureRow {
                            width: parent.width
                            figures: step.modelData.figures ?? []
                            valueSize: Ui.fontPx(Ui.type.banner)
                        }
                    }
                }
            }
        }
    }
}
