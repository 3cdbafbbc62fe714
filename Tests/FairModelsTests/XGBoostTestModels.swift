import Foundation

/// XGBoost model texts used by the loader tests, as `Booster.save_model("m.json")` wrote them
/// (XGBoost 3.4.1, and 1.7.6 for the older layout); each says where it departs from that.
///
/// The FairAttribution tests rebuild the same models by hand (`TestModels`).
enum XGBoostTestModels {
  /// The "AND" model (`reg:squarederror`, `base_score` 0), XGBoost 3.4.1.
  ///
  /// One tree of depth 2, grown in one round (`max_depth=2`, `eta=1`, `lambda=0`) on the
  /// rows `[1, 1], [1, 0], [0, 1], [0, 0]` with labels `1, 0, 0, 0`, a case from XGBoost's
  /// own test suite. XGBoost's `pred_contribs` for those rows are `[0.375, 0.375, 0.25]`,
  /// `[0.125, −0.375, 0.25]`, `[−0.375, 0.125, 0.25]` and `[−0.125, −0.125, 0.25]`
  /// (feature 0, feature 1, bias), so its margins are 1, 0, 0 and 0.
  static let and = """
    {"learner":{"attributes":{},"feature_names":[],"feature_types":[],"gradient_booster":{"model":\
    {"cats":{"enc":[],"feature_segments":[],"sorted_idx":[]},"gbtree_model_param":\
    {"num_parallel_tree":"1","num_trees":"1"},"iteration_indptr":[0,1],"tree_info":[0],"trees":\
    [{"base_weights":[2.5E-1,-0E0,5E-1,-0E0,1E0],"categories":[],"categories_nodes":[],\
    "categories_segments":[],"categories_sizes":[],"default_left":[0,0,0,0,0],"id":0,\
    "left_children":[1,-1,3,-1,-1],"loss_changes":[2.5E-1,0E0,5E-1,0E0,0E0],\
    "parents":[2147483647,0,0,2,2],"right_children":[2,-1,4,-1,-1],\
    "split_conditions":[1E0,-0E0,1E0,-0E0,1E0],"split_indices":[0,0,1,0,0],\
    "split_type":[0,0,0,0,0],"sum_hessian":[4E0,2E0,2E0,1E0,1E0],"tree_param":\
    {"num_deleted":"0","num_feature":"2","num_nodes":"5","size_leaf_vector":"1"}}]},\
    "name":"gbtree"},"learner_model_param":{"base_score":"[0E0]","boost_from_average":"0",\
    "num_class":"0","num_feature":"2","num_target":"1"},"objective":{"name":"reg:squarederror",\
    "reg_loss_param":{"scale_pos_weight":"1"}}},"version":[3,4,1]}
    """

  /// The "AND" model as XGBoost 1.7.6 writes it.
  ///
  /// It differs in `base_score` `"0E0"`, thresholds 0.5, `default_left` 1 on the splits and
  /// no `cats` or `iteration_indptr`. `default_left` is written as booleans here, the XGBoost
  /// 1.0–1.5 form.
  static let and17 = """
    {"learner":{"attributes":{},"feature_names":[],"feature_types":[],"gradient_booster":{"model":\
    {"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"1","size_leaf_vector":"0"},\
    "tree_info":[0],"trees":[{"base_weights":[2.5E-1,-0E0,5E-1,-0E0,1E0],"categories":[],\
    "categories_nodes":[],"categories_segments":[],"categories_sizes":[],\
    "default_left":[true,false,true,false,false],"id":0,"left_children":[1,-1,3,-1,-1],\
    "loss_changes":[2.5E-1,0E0,5E-1,0E0,0E0],"parents":[2147483647,0,0,2,2],\
    "right_children":[2,-1,4,-1,-1],"split_conditions":[5E-1,-0E0,5E-1,-0E0,1E0],\
    "split_indices":[0,0,1,0,0],"split_type":[0,0,0,0,0],"sum_hessian":[4E0,2E0,2E0,1E0,1E0],\
    "tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"5",\
    "size_leaf_vector":"0"}}]},"name":"gbtree"},"learner_model_param":{"base_score":"0E0",\
    "num_class":"0","num_feature":"2"},"objective":{"name":"reg:squarederror",\
    "reg_loss_param":{"scale_pos_weight":"1"}}},"version":[1,7,6]}
    """

  /// A tiny `binary:logistic` model (2 trees, depth 2, NaN-aware), `base_score`
  /// `"[4.675E-1]"`, XGBoost 3.4.1.
  ///
  /// Its expected margins and probabilities, XGBoost 3.4.1's `predict(output_margin=True)`
  /// and `predict()` printed with 8 decimals, are in `XGBoostModelLoaderTests`.
  static let logistic = """
    {"learner":{"attributes":{},"feature_names":[],"feature_types":[],"gradient_booster":{"model":\
    {"cats":{"enc":[],"feature_segments":[],"sorted_idx":[]},"gbtree_model_param":\
    {"num_parallel_tree":"1","num_trees":"2"},"iteration_indptr":[0,1,2],"tree_info":[0,0],\
    "trees":[{"base_weights":[5.0669353E-8,-6.32088E-1,1.610306E0,-1.7786983E0,-2.262326E-1,\
    7.4149126E-1,1.8556405E0],"categories":[],"categories_nodes":[],"categories_segments":[],\
    "categories_sizes":[],"default_left":[1,1,0,0,0,0,0],"id":0,\
    "left_children":[1,3,5,-1,-1,-1,-1],"loss_changes":[1.0339119E2,3.3543022E1,4.7271423E0,0E0,\
    0E0,0E0,0E0],"parents":[2147483647,0,0,1,1,2,2],"right_children":[2,4,6,-1,-1,-1,-1],\
    "split_conditions":[5.067324E-1,5E-1,6.957642E-1,-8.8934916E-1,-1.131163E-1,3.7074563E-1,\
    9.2782027E-1],"split_indices":[0,1,0,0,0,0,0],"split_type":[0,0,0,0,0,0,0],\
    "sum_hessian":[9.957751E1,7.194475E1,2.7632757E1,1.792395E1,5.4020798E1,6.970425E0,\
    2.0662333E1],"tree_param":{"num_deleted":"0","num_feature":"3","num_nodes":"7",\
    "size_leaf_vector":"1"}},{"base_weights":[-3.8217558E-3,-1.4149675E0,3.8568026E-1,\
    -1.5339833E0,-6.123529E-1,7.8203815E-1,-6.1566114E-1],"categories":[],"categories_nodes":[],\
    "categories_segments":[],"categories_sizes":[],"default_left":[0,1,0,0,0,0,0],"id":1,\
    "left_children":[1,3,5,-1,-1,-1,-1],"loss_changes":[5.17467E1,1.0059395E0,2.976742E1,0E0,0E0,\
    0E0,0E0],"parents":[2147483647,0,0,1,1,2,2],"right_children":[2,4,6,-1,-1,-1,-1],\
    "split_conditions":[-7.444049E-1,8.970237E-1,3.5E0,-7.669917E-1,-3.0617645E-1,3.9101908E-1,\
    -3.0783057E-1],"split_indices":[0,2,1,0,0,0,0],"split_type":[0,0,0,0,0,0,0],\
    "sum_hessian":[9.215296E1,1.9364307E1,7.278865E1,1.6070114E1,3.2941937E0,5.2304237E1,\
    2.0484415E1],"tree_param":{"num_deleted":"0","num_feature":"3","num_nodes":"7",\
    "size_leaf_vector":"1"}}]},"name":"gbtree"},"learner_model_param":\
    {"base_score":"[4.675E-1]","boost_from_average":"1","num_class":"0","num_feature":"3",\
    "num_target":"1"},"objective":{"name":"binary:logistic","reg_loss_param":\
    {"scale_pos_weight":"1"}}},"version":[3,4,1]}
    """

  /// Returns `text` with the first occurrence of `target` replaced, failing loudly when the
  /// target is absent so a mutation test cannot silently test the unmutated model.
  static func replacing(_ target: String, with replacement: String, in text: String) -> String {
    guard let range = text.range(of: target) else {
      preconditionFailure("'\(target)' is not in the model text")
    }
    return text.replacingCharacters(in: range, with: replacement)
  }
}
