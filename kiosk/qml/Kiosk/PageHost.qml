import QtQuick

// Shows one screen at a time and slides to the next. A new screen asked for in the middle of a
// slide ends that slide at once (the page leaving is put away there and then), so a visitor
// tapping fast is never kept waiting and no page is ever left behind.
//
// The screens one tap away are built ahead, one at a time and a few milliseconds per frame while
// the visitor reads (their pictures decoded too), so a tap only has to show one. They wait
// transparent rather than invisible: Qt Quick then makes their drawing (text, pictures) ahead
// too, which a page made visible does in the first frame of its slide (20-50 ms later):
// building a page is most of what a tap costs, up to 20 ms for a timeline. A page left that
// holds nothing of the visit (a menu: no scroll, no pager, no zoom) is kept for Back and Home
// rather than built again, which the build-ahead would do at once.
Item {
    id: host
    property Item current: null
    property Item leaving: null
    property bool forward: true
    property var kinds: ({})  // screen kind -> Component of its page
    readonly property bool busy: slide.running
    property var next: null  // what to build ahead once the slide is over: a function
    property var queue: []  // screens still to build, in order
    property var ahead: ({})  // screen id -> incubator of a page built (or being built) ahead
    property var building: null  // the incubator at work, if any
    property int keep: 12  // pages kept ready, at most (about 4 MB each)
    readonly property bool preparing: next !== null || queue.length > 0 || building !== null

    // `upcoming` returns the screens to build ahead; asked for only after the slide, which it
    // would slow down.
    function show(screen, animate, upcoming) {
        slide.stop()
        if (leaving) {
            putAway(leaving)
            leaving = null
        }
        // Before take(): a page it completes starts the next in the queue, and that queue held
        // what was one tap away from the last screen.
        queue = []
        const old = current
        current = take(screen.id) ?? fit(kinds[screen.kind].createObject(host, { screen: screen }))
        next = upcoming
        if (!old)  // the first page: the window calls prepareNext() once it is on screen
            return
        if (!animate) {
            putAway(old)
            prepareNext()
            return
        }
        old.leaving = true  // takes no more taps: they are meant for the page coming in
        leaving = old
        current.opacity = 0  // waits unseen while the old page fades out
        enter.target = current
        exit.target = old
        slide.start()
    }

    // Queue the screens one tap away. Pages ready for screens no longer one tap away are kept
    // too, up to `keep` pages in all, the least recently wanted dropped first: back on the home
    // screen, its tiles' pages are still there rather than built again.
    function prepareNext() {
        if (!next)
            return
        const screens = next()
        next = null
        const wanted = screens.map(s => s.id)
        for (const id of wanted) {  // the most recently wanted last
            if (id in ahead) {
                const kept = ahead[id]
                delete ahead[id]
                ahead[id] = kept
            }
        }
        queue = screens.filter(s => !(s.id in ahead))
        const room = Math.max(keep, wanted.length) - queue.length
        const ids = Object.keys(ahead)
        for (const id of ids.slice(0, Math.max(0, ids.length - room)))
            discard(id)
        buildNext()
    }

    function buildNext() {
        if (building || queue.length === 0)
            return
        const screen = queue[0]
        queue = queue.slice(1)
        const id = screen.id
        const incubator = kinds[screen.kind].incubateObject(host, { screen: screen, aside: true, opacity: 0, x: width }, Qt.Asynchronous)
        ahead[id] = incubator
        if (incubator.status !== Component.Loading) {
            fit(incubator.object)
            buildNext()
            return
        }
        building = incubator
        incubator.onStatusChanged = () => {
            host.building = null
            if (host.ahead[id] === incubator)
                host.fit(incubator.object)
            else  // no longer wanted while it was built (QML cannot cancel an incubation)
                incubator.object?.destroy()
            host.buildNext()
        }
    }

    // Drop every page built ahead: the pack they were built from is gone.
    function discardAll() {
        next = null
        queue = []
        for (const id in ahead)
            discard(id)
    }

    // Before the window closes: an incubation must not outlive the engine.
    function stopBuilding() {
        discardAll()
        building?.forceCompletion()
    }

    function take(id) {
        const incubator = ahead[id]
        if (!incubator)
            return null
        if (incubator.status === Component.Loading)
            incubator.forceCompletion()  // a quick tap: build the rest now (still wanted: kept)
        delete ahead[id]
        const page = incubator.object
        if (page) {
            page.aside = false
            page.opacity = 1
            page.x = 0
        }
        return page
    }

    // A page no longer shown: kept as if built ahead when it holds nothing of the visit, else
    // destroyed.
    function putAway(page) {
        if (!page.holdsNoPlace || page.screen.id in ahead) {
            page.destroy()
            return
        }
        page.aside = true
        page.opacity = 0
        page.leaving = false
        page.x = width
        ahead[page.screen.id] = { status: Component.Ready, object: page }
    }

    function discard(id) {
        const incubator = ahead[id]
        delete ahead[id]
        if (incubator.status !== Component.Loading)  // else destroyed once built
            incubator.object?.destroy()
    }

    function fit(page) {
        if (page) {
            page.width = Qt.binding(() => host.width)
            page.height = Qt.binding(() => host.height)
        }
        return page
    }

    // Short and calm: 260 ms, a fade through the background. The old page fades out first, then the
    // new one fades in as it moves a little the way the visitor goes; the two are never drawn at
    // once. Drawn in software (no GPU), two pages blended over each other made each frame of a
    // cross-fade twice the work: 40 frames a second on screen, 51 this way (Xvfb, 2 cores).
    SequentialAnimation {
        id: slide
        onFinished: {
            if (host.leaving) {
                host.putAway(host.leaving)
                host.leaving = null
            }
            host.prepareNext()
        }
        NumberAnimation { id: exit; property: "opacity"; from: 1; to: 0; duration: 80; easing.type: Easing.InQuad }
        ParallelAnimation {
            id: enter
            property Item target
            NumberAnimation { target: enter.target; property: "x"; from: (host.forward ? 1 : -1) * host.width * 0.06; to: 0; duration: 180; easing.type: Easing.OutCubic }
            NumberAnimation { target: enter.target; property: "opacity"; from: 0; to: 1; duration: 180; easing.type: Easing.OutQuad }
        }
    }
}
