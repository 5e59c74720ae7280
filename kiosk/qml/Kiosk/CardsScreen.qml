import QtQuick
import QtQuick.Layouts
import Kiosk

// A grid of cards (e.g. the industry sectors); a card with a target opens its screen on a tap.
ScreenPage {
    id: page
    readonly property var cards: screen.cards
    // Cards with pictures are narrow enough for five in a row; text-only cards need room to read.
    readonly property bool pictures: cards.some(c => (c.image ?? "") !== "")
    readonly property int columns: Ui.portrait ? Math.min(2, cards.length)
                                               : Math.min(cards.length <= 5 ? cards.length : Math.ceil(cards.length / 2),
                                                          pictures ? 5 : 3)
    readonly property real gap: Ui.px(Ui.space.gap)

    ScrollText {
        anchors { fill: parent; leftMargin: page.margin; rightMargin: page.margin }
        screenId: page.screen.id
        GridLayout {
            id: grid
            width: parent.width
            columns: page.columns
            rowSpacing: page.gap
            columnSpacing: page.gap
            Repeater {
                model: page.cards
                Rectangle {
                    id: card
                    required property var modelData
                    readonly property bool opens: (modelData.target ?? "") !== ""
                    objectName: "card:" + (modelData.target ?? Ui.t(modelData.title))
                    // Cards in a row share its height, so rows line up whatever each card holds.
                    Layout.preferredWidth: (grid.width - (page.columns - 1) * page.gap) / page.columns
                    Layout.preferredHeight: column.implicitHeight + Ui.px(56)
                    Layout.fillHeight: true
                    radius: Ui.px(Ui.corner.card)
                    color: Ui.alpha(Ui.theme.surface, tap.pressed ? 1 : 0.9)
                    border.color: Ui.ink(card.opens ? Ui.theme.accent : Ui.theme.text, card.opens ? 0.45 : 0.12)
                    border.width: Ui.outline
                    scale: tap.pressed ? 0.98 : 1
                    Column {
                        id: column
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Ui.px(Ui.space.pad) }
                        spacing: Ui.px(Ui.space.lines)
                        Picture {
                            visible: (card.modelData.image ?? "") !== ""
                            source: card.modelData.image ?? ""
                            width: parent.width
                            height: width * (Ui.portrait ? 0.45 : 0.5)
                            fillMode: Image.PreserveAspectFit
                        }
                        Row {
                            width: parent.width
                            spacing: Ui.px(12)
                            Label {
                                width: parent.width - (arrow.visible ? arrow.width + parent.spacing : 0)
                                text: Ui.t(card.modelData.title)
                                font.pixelSize: Ui.fontPx(Ui.type.title)
                                font.weight: Font.Bold
                            }
                            Image {
                                id: arrow
                                visible: card.opens
                                source: Qt.resolvedUrl("icons/forward.svg")
                                width: Ui.px(40); height: width
                                sourceSize.width: width; sourceSize.height: height
                            }
                        }
                        Label {
                            width: parent.width
                            visible: text !== ""
                            text: Ui.t(card.modelData.text)
                            color: Ui.ink(Ui.theme.text, 0.85)
                            font.pixelSize: Ui.fontPx(Ui.type.cardText)
                        }
                        Flow {
                            width: parent.width
                            spacing: Ui.px(10)
                            visible: (card.modelData.chips ?? []).length > 0
                            Repeater {
                                model: card.modelData.chips ?? []
                                Chip {
                                    required property var modelData
                                    text: Ui.t(modelData)
                                    room: parent.width
                                }
                            }
                        }
                    }
                    TapTarget {
                        id: tap
                        enabled: card.opens
                        name: Ui.t(card.modelData.title)
                        onActivated: Ui.nav.open(card.modelData.target)
                    }
                }
            }
        }
    }
}
