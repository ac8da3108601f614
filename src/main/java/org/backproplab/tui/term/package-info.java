/**
 * The terminal plumbing under the lab's panels: how a frame reaches a terminal (a tty, an SSH
 * channel, or an off-screen one), how keys and mouse clicks come back, and how the tty is put
 * back as it was. Nothing here knows what a panel shows.
 *
 * <p>The budget these pieces defend (measured figures in docs/performance.md): a frame drawn at
 * most 30 times a second writes only the cells that changed, in one write (an unchanged frame
 * writes nothing; about 13.6 KB/s at full speed), so fifty labs share one SSH server's two cores
 * and a slow link; and a frame makes almost no garbage, so the trainer keeps its speed with the
 * screen running.
 *
 * <ul>
 *   <li>{@link org.backproplab.tui.term.FrameOutputStream}: one write per frame instead of one per
 *       escape sequence (no half frame on the wire).</li>
 *   <li>{@link org.backproplab.tui.term.AnsiBytes}: the bytes of cursor moves and characters,
 *       made once and shared by every lab (Lanterna makes a new string and array for each).</li>
 *   <li>{@link org.backproplab.tui.term.ExactAnsiTerminal} (SSH, off-screen) and
 *       {@link org.backproplab.tui.term.LocalTerminal} (a tty): write exactly those bytes.</li>
 *   <li>{@link org.backproplab.tui.term.TtyModes}: the tty's modes saved with {@code stty} and
 *       restored on every way out (q, Ctrl-C, a signal, a crash), independent of Lanterna's hooks.</li>
 *   <li>{@link org.backproplab.tui.term.SgrMouse} and {@link org.backproplab.tui.term.MouseReporting}:
 *       SGR (1006) mouse reports decoded, and reporting switched on only while a lab runs.</li>
 *   <li>{@link org.backproplab.tui.term.Locales}: UTF-8 or ASCII, from the locale.</li>
 * </ul>
 */
package org.backproplab.tui.term;
