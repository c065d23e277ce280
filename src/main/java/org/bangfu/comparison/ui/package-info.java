/**
 * The comparison's screens. Named interface {@code ui}: {@link org.bangfu.comparison.ui.WarningCards}, the warnings
 * declared beside agency data with their resolution, is shown by the pairing step that resolves them.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.bangfu.comparison.ui;
