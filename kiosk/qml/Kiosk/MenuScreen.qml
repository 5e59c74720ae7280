import QtQuick
import Kiosk

// The home screen: the park's name and tagline, and a grid of large entry tiles. The tiles keep
// the room their words and an icon need; the title has what is left, in a few lines, its
// letters smaller if it must. When even that is not enough (larger text, A+, or a wordy pack on
// a small screen), the screen scrolls rather than cut the title short.
ScreenPage {
    id: page
    showHeader: false
    holdsNoPlace: !view.interactive

    readonly property var tiles: screen.tiles
    readonly property int columns: Ui.portrait ? 2 : (tiles.length <= 4 ? tiles.length : Math.ceil(tiles.length / 2))
    readonly property int rows: Math.ceil(tiles.length / columns)
    readonly property real gap: Ui.px(Ui.space.gap)
    readonly property real pad: Ui.px(Ui.space.pad)  // inside a tile
    readonly property real smallestIcon: Ui.px(48)
    // Every tile is as tall as the wordiest one needs (a title on two lines) with a small icon.
    readonly property real words: {
        let most = 0
        for (let i = 0; i < tileRepeater.count; ++i)
            most = Math.max(most, tileRepeater.itemAt(i)?.words ?? 0)  // qmllint disable missing-property
        return most
    }
    readonly property real smallestTile: 2 * pad + smallestIcon + gap / 2 + words
    // Space above the heading and between it and the tiles, halved before the screen scrolls.
    readonly property bool roomy: Ui.px(Ui.portrait ? 96 : 64) + Ui.px(48) + heading.least + grid.least <= height
    readonly property real above: roomy ? Ui.px(Ui.portrait ? 96 : 64) : Ui.px(32)
    readonly property real below: roomy ? Ui.px(48) : Ui.px(24)

    Flickable {
        id: view
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, heading.anchors.topMargin + heading.least + page.below + grid.least)
        interactive: contentHeight > height + 1
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: interactive

        // Laid out by bindings rather than positioners, so the tiles are in place from the first
        // frame (a positioner places its items a frame later), not only after one.
        Item {
            id: heading
            anchors { left: parent.left; right: parent.right; top: parent.top
                      leftMargin: page.margin; rightMargin: page.margin; topMargin: page.above }
            readonly property real spacing: Ui.px(Ui.space.lines)
            height: tagline.y + (tagline.visible ? tagline.height : 0)
            readonly property real under: (subtitle.visible ? spacing + subtitle.height : 0)
                                          + (tagline.visible ? spacing + tagline.height : 0)
            // The title at its smallest, on as many lines as it has parts, and the lines under it.
            readonly property real least: under + Math.ceil(smallest.lineSpacing) * (oneLine.advanceWidth <= title.width
                ? 1 : Math.min(title.maximumLineCount, titleBox.text.split("·").length))
            // The room the title may take: what the tiles at their smallest and the lines under the
            // title leave of the page.
            readonly property real titleRoom: parent.height - anchors.topMargin - page.below - under - grid.least

            Item {
                id: titleBox
                // The screen's title as written, for whoever asks (tests, tools): the Label below
                // may show it broken into lines.
                objectName: "screenTitle"
                readonly property string text: Ui.t(page.screen.title)
                width: parent.width
                height: title.contentHeight  // its lines, not the room they may take
                Label {
                    id: title
                    width: parent.width
                    height: Math.max(heading.titleRoom, Ui.px(40))
                    // A title too long for one line is broken at its "·" separators, not after one:
                    // a line never ends with a lone dot.
                    text: oneLine.advanceWidth <= width ? titleBox.text : titleBox.text.replace(/\s*·\s*/g, "\n")
                    font.pixelSize: Ui.fontPx(Ui.portrait ? Ui.type.poster : Ui.type.hero)
                    font.weight: Font.Bold
                    lineHeight: 1.0
                    maximumLineCount: Ui.portrait ? 3 : 2
                    fontSizeMode: Text.VerticalFit
                    minimumPixelSize: Ui.px(40)
                    elide: Text.ElideRight
                    TextMetrics {
                        id: oneLine
                        font: title.font
                        text: titleBox.text
                    }
                    FontMetrics {
                        id: smallest
                        font { family: title.font.family; weight: title.font.weight; pixelSize: title.minimumPixelSize }
                    }
                }
            }
            Label {
                id: subtitle
                y: titleBox.height + (visible ? heading.spacing : 0)
                width: parent.width
                visible: text !== ""
                text: Ui.t(page.screen.subtitle)
                color: Ui.theme.muted
                font.pixelSize: Ui.fontPx(Ui.type.intro)
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                id: tagline
                y: subtitle.y + (subtitle.visible ? subtitle.height : 0) + (visible ? heading.spacing : 0)
                width: parent.width
                visible: text !== ""
                text: Ui.t(page.screen.tagline)
                color: Ui.theme.accent
                font.pixelSize: Ui.fontPx(Ui.type.tagline)
                font.weight: Font.DemiBold
                topPadding: Ui.px(8)
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }

        Item {
            id: grid
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                      leftMargin: page.margin; rightMargin: page.margin }
            readonly property real room: parent.height - heading.y - heading.height - page.below
            readonly property real least: page.rows * page.smallestTile + (page.rows - 1) * page.gap
            readonly property real tileWidth: (width - (page.columns - 1) * page.gap) / page.columns
            readonly property real tileHeight: Math.max(page.smallestTile, Math.min(
                Ui.px(Ui.portrait ? 380 : 260), (room - (page.rows - 1) * page.gap) / page.rows))
            height: page.rows * tileHeight + (page.rows - 1) * page.gap
            Repeater {
                id: tileRepeater
                model: page.tiles
                Rectangle {
                    id: tile
                    required property var modelData
                    required property int index
                    // Its title and subtitle, with the space between them.
                    readonly property real words: label.height
                        + (subtitleLabel.visible ? label.anchors.bottomMargin + subtitleLabel.height : 0)
                    objectName: "tile:" + modelData.target
                    x: (index % page.columns) * (grid.tileWidth + page.gap)
                    y: Math.floor(index / page.columns) * (grid.tileHeight + page.gap)
                    width: grid.tileWidth
                    height: grid.tileHeight
                    radius: Ui.px(Ui.corner.tile)
                    color: Ui.alpha(Ui.theme.surface, tap.pressed ? 1 : 0.86)
                    border.color: Ui.ink(Ui.theme.accent, tap.pressed ? 0.9 : 0.35)
                    border.width: Ui.outline
                    scale: tap.pressed ? 0.97 : 1
                    Behavior on scale { NumberAnimation { duration: 90 } }

                    // The icon takes what the words leave above them: it shrinks, never overlaps.
                    Picture {
                        visible: (tile.modelData.icon ?? "") !== ""
                        source: tile.modelData.icon ?? ""
                        width: Math.min(Ui.px(84), tile.height - 2 * page.pad - page.gap / 2 - tile.words); height: width
                        anchors { left: parent.left; top: parent.top; margins: page.pad }
                    }
                    Image {
                        source: Qt.resolvedUrl("icons/forward.svg")
                        width: Ui.px(40); height: width  // within the smallest icon's height
                        sourceSize.width: width; sourceSize.height: height
                        anchors { right: parent.right; top: parent.top; margins: page.pad }
                        opacity: 0.6
                    }
                    Label {
                        id: label
                        anchors { left: parent.left; right: parent.right; margins: page.pad
                                  bottom: subtitleLabel.visible ? subtitleLabel.top : parent.bottom
                                  bottomMargin: subtitleLabel.visible ? Ui.px(6) : page.pad }
                        text: Ui.t(tile.modelData.title)
                        font.pixelSize: Ui.fontPx(Ui.type.tileTitle)
                        font.weight: Font.Bold
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    Label {
                        id: subtitleLabel
                        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: page.pad }
                        visible: text !== ""
                        text: Ui.t(tile.modelData.subtitle)
                        color: Ui.theme.muted
                        font.pixelSize: Ui.fontPx(Ui.type.label)
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    TapTarget {
                        id: tap
                        name: [label.text, subtitleLabel.text].filter(t => t !== "").join(". ")
                        onActivated: Ui.nav.open(tile.modelData.target)
                    }
                }
            }
        }
        ScrollHint { flick: view }
    }
}
