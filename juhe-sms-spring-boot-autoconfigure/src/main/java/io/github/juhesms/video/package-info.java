/**
 * Video SMS (视频短信): sends of templates carrying a video or picture, created through
 * Juhe's support.
 */
@NullMarked
package io.github.juhesms.video;

import org.jspecify.annotations.NullMarked;
