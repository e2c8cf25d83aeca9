/**
 * The published report read online: server-side Chinese HTML from the document's blocks.
 *
 * <p>Uses document only.
 */
package cn.jixiao.reading;
