import QtQuick
import Kiosk

// Key numbers in a grid, large enough to read from two metres.
ScreenPage {
    id: page
    readonly property var figures: screen.figures
    readonly property int columns: Ui.portrait ? 2 : Math.min(4, figures.length)
    readonly property int rows: Math.ceil(figures.length / columns)
    readonly property real gap: Ui.px(28)

    ScrollText {
        id: scroll
        anchors { fill: parent; leftMargin: page.margin; rightMargin: page.margin }
        Grid {
            id: grid
            width: parent.width
            columns: page.columns
            spacing: page.gap
            Repeater {
                model: page.figures
                Rectangle {
                    id: cell
                    required property var modelData
                    // Fill the screen when the figures fit; scroll when they do not.
                    readonly property real share: (scroll.height - (page.rows - 1) * page.gap) / page.rows
                    width: (grid.width - (page.columns - 1) * page.gap) / page.columns
                    height: Math.max(box.implicitHeight + Ui.px(48), share)
                    radius: Ui.px(Ui.corner.card)
                    color: Ui.alpha(Ui.theme.surface, 0.9)
                    border.color: Ui.ink(Ui.theme.accent, 0.25)
                    border.width: Ui.outline
                    FigureBox {
                        id: box
                        figure: cell.modelData
                        // Numbers as large as the cell allows, for reading from two metres.
                        valueSize: Math.max(Ui.px(48), Math.min(Ui.px(140), cell.share * 0.27, cell.width * 0.28))
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Ui.px(Ui.space.pad) }
                    }
                }
            }
        }
    }
}
