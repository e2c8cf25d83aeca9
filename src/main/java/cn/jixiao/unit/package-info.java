/**
 * Budget units (预算单位): their register and their clerk and leader groups with standing rights.
 *
 * <p>Uses security.
 */
package cn.jixiao.unit;
