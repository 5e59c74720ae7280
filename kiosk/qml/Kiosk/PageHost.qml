import QtQuick
import Kiosk

// Shows one screen at a time and slides to the next. A new screen asked for in the middle of a
// slide ends that slide at once (the page leaving is destroyed there and then), so a visitor
// tapping fast is never kept waiting and no page is ever left behind.
Item {
    id: host
    property Item current: null
    property Item leaving: null
    property bool forward: true
    readonly property bool busy: slide.running

    function show(component, properties, animate) {
        slide.stop()
        if (leaving) {
            leaving.destroy()
            leaving = null
        }
        const old = current
        current = component.createObject(host, properties)
        current.width = Qt.binding(() => host.width)
        current.height = Qt.binding(() => host.height)
        if (!old)
            return
        if (!animate) {
            old.destroy()
            return
        }
        old.leaving = true  // takes no more taps: they are meant for the page coming in
        leaving = old
        enter.target = current
        exit.target = old
        slide.start()
    }

    // Short and calm: 260 ms.
    ParallelAnimation {
        id: slide
        onFinished: if (host.leaving) { host.leaving.destroy(); host.leaving = null }
        ParallelAnimation {
            id: enter
            property Item target
            NumberAnimation { target: enter.target; property: "x"; from: (host.forward ? 1 : -1) * host.width * 0.12; to: 0; duration: 260; easing.type: Easing.OutCubic }
            NumberAnimation { target: enter.target; property: "opacity"; from: 0; to: 1; duration: 200; easing.type: Easing.OutQuad }
        }
        ParallelAnimation {
            id: exit
            property Item target
            NumberAnimation { target: exit.target; property: "x"; from: 0; to: (host.forward ? -1 : 1) * host.width * 0.08; duration: 260; easing.type: Easing.OutCubic }
            NumberAnimation { target: exit.target; property: "opacity"; from: 1; to: 0; duration: 160; easing.type: Easing.OutQuad }
        }
    }
}
