/**
 * Request plumbing for every door: the body limit and a body read once and replayed.
 *
 * <p>Uses nothing of the application.
 */
package cn.jixiao.http;
