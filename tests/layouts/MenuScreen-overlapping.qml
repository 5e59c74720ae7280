// The home screen as it was before issue 12, kept to show that the layout lint catches what it
// did: the icon at the top of a tile and its words at the bottom, free to overlap once a title on
// two lines leaves the tiles too short. Used by tests/test_lint.py in place of MenuScreen.qml.
import QtQuick
import Kiosk

// The home screen: the park's name and tagline, and a grid of large entry tiles.
ScreenPage {
    id: page
    showHeader: false

    readonly property var tiles: screen.tiles
    readonly property int columns: Ui.portrait ? 2 : (tiles.length <= 4 ? tiles.length : Math.ceil(tiles.length / 2))
    readonly property int rows: Math.ceil(tiles.length / columns)
    readonly property real gap: Ui.px(24)

    Column {
        id: heading
        anchors { left: parent.left; right: parent.right; top: parent.top
                  leftMargin: page.margin; rightMargin: page.margin; topMargin: Ui.px(Ui.portrait ? 96 : 64) }
        spacing: Ui.px(14)
        Label {
            objectName: "screenTitle"
            width: parent.width
            text: Ui.t(page.screen.title)
            font.pixelSize: Ui.px(Ui.portrait ? 68 : 72)
            font.weight: Font.Bold
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Label {
            width: parent.width
            visible: text !== ""
            text: Ui.t(page.screen.subtitle)
            color: Ui.theme.muted
            font.pixelSize: Ui.px(32)
        }
        Label {
            width: parent.width
            visible: text !== ""
            text: Ui.t(page.screen.tagline)
            color: Ui.theme.accent
            font.pixelSize: Ui.px(44)
            font.weight: Font.DemiBold
            topPadding: Ui.px(8)
        }
    }

    Grid {
        id: grid
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  leftMargin: page.margin; rightMargin: page.margin }
        readonly property real room: parent.height - heading.y - heading.height - Ui.px(48)
        columns: page.columns
        spacing: page.gap
        Repeater {
            model: page.tiles
            Rectangle {
                id: tile
                required property var modelData
                objectName: "tile:" + modelData.target
                width: (grid.width - (page.columns - 1) * page.gap) / page.columns
                height: Math.min(Ui.px(Ui.portrait ? 380 : 260), (grid.room - (page.rows - 1) * page.gap) / page.rows)
                radius: Ui.px(24)
                color: Ui.alpha(Ui.theme.surface, tap.pressed ? 1 : 0.86)
                border.color: Ui.alpha(Ui.theme.accent, tap.pressed ? 0.9 : 0.35)
                border.width: Math.max(1, Ui.px(2))
                scale: tap.pressed ? 0.97 : 1
                Behavior on scale { NumberAnimation { duration: 90 } }

                Picture {
                    id: icon
                    visible: (tile.modelData.icon ?? "") !== ""
                    source: tile.modelData.icon ?? ""
                    width: Math.min(Ui.px(84), tile.height * 0.34); height: width
                    anchors { left: parent.left; top: parent.top; margins: Ui.px(28) }
                }
                Column {
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Ui.px(28) }
                    spacing: Ui.px(6)
                    Label {
                        width: parent.width
                        text: Ui.t(tile.modelData.title)
                        font.pixelSize: Ui.px(38)
                        font.weight: Font.Bold
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    Label {
                        width: parent.width
                        visible: text !== ""
                        text: Ui.t(tile.modelData.subtitle)
                        color: Ui.theme.muted
                        font.pixelSize: Ui.px(24)
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
                Image {
                    source: Qt.resolvedUrl("icons/forward.svg")
                    width: Ui.px(40); height: width
                    sourceSize.width: width; sourceSize.height: height
                    anchors { right: parent.right; top: parent.top; margins: Ui.px(28) }
                    opacity: 0.6
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: Ui.nav.open(tile.modelData.target)
                }
            }
        }
    }
}
